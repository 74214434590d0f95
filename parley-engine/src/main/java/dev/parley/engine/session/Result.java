package dev.parley.engine.session;

/** How a {@code <Connect><Conversation>} session ended: the {@code Result} of the action request (seed page). */
public enum Result {
    /** The customer and the worker were connected and one of them hung up. */
    SESSION_SUCCESS("session-success"),
    /** The other party was dialled and not connected: busy, no answer, failed, canceled, or refused in the whisper. */
    DIALED_CALL_INCOMPLETE("dialed-call-incomplete"),
    /** A new conversation for the caller could not be created. */
    FAILED_CREATE_CONVERSATION("failed-create-conversation"),
    /** A new conversation got no worker within {@code routingAssignmentTimeout}. */
    NO_OTHER_PARTICIPANTS("no-other-participants"),
    /** A worker's call named no conversation of the service (DESIGN.md decision 3). */
    INVALID_CONVERSATION("invalid-conversation"),
    /** The caller has no conversation and {@code inboundAutocreation} is off. */
    NO_EXISTING_CONVERSATION("no-existing-conversation"),
    /** Something inside Parley or in the conversation's data made the session fail (decision 4). */
    INTERNAL_ERROR("internal-error");

    private final String value;

    Result(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
