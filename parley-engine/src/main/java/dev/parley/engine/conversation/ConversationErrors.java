package dev.parley.engine.conversation;

/**
 * Every Twilio error code of the conversations domain, with the HTTP status Twilio answers it with and its
 * message. Sources: Twilio's error dictionary ({@code twilio.com/docs/api/errors/<code>}); the 50416 message
 * is the one Twilio's API returns. Conflicts answer 409, validation failures 400, unknown resources 404.
 *
 * <p>The 325xx codes are not REST errors: they are the debugger alerts that the {@code <Connect><Conversation>}
 * session raises when a conversation cannot be used (reference §1.10, DESIGN.md decision 4).
 */
public final class ConversationErrors {

    /** The requested resource was not found (any unknown service, conversation, participant or user). */
    public static final int NOT_FOUND = 20404;
    /** A Frontline user with this identity already exists. */
    public static final int USER_ALREADY_EXISTS = 50201;
    /** Neither {@code Identity} nor {@code MessagingBinding.Address} was given (users: no identity). */
    public static final int IDENTITY_NOT_PROVIDED = 50204;
    /** A user's identity looks like a user SID ({@code US} + 32 hex), which would make lookups ambiguous. */
    public static final int IDENTITY_MATCHES_USER_SID = 50206;
    /** {@code Identity} together with {@code MessagingBinding.Address} or {@code ProxyAddress}. */
    public static final int IDENTITY_NOT_ACCEPTABLE = 50211;
    /** Another conversation of the service has this {@code UniqueName}. */
    public static final int UNIQUE_NAME_EXISTS = 50353;
    /** {@code Timers.Inactive} shorter than one minute. */
    public static final int INACTIVE_TIMER_TOO_SHORT = 50375;
    /** {@code Timers.Closed} shorter than ten minutes. */
    public static final int CLOSED_TIMER_TOO_SHORT = 50376;
    /** The conversation is {@code closed}: it cannot change any more (Parley also refuses new participants). */
    public static final int CONVERSATION_CLOSED = 50377;
    /** {@code Timers.Inactive} is not an ISO 8601 duration. */
    public static final int INACTIVE_TIMER_FORMAT = 50379;
    /** {@code Timers.Closed} is not an ISO 8601 duration. */
    public static final int CLOSED_TIMER_FORMAT = 50380;
    /** Timers on create without {@code State}. */
    public static final int TIMER_WITHOUT_STATE = 50382;
    /** {@code State=closed} on create. */
    public static final int INITIAL_STATE_CLOSED = 50384;
    /** A {@code UniqueName} that matches the conversation SID pattern. */
    public static final int UNIQUE_NAME_MATCHES_SID = 50390;
    /** {@code MessagingBinding.Address} is not a valid address (SMS: E.164; at most 256 characters). */
    public static final int INVALID_ADDRESS = 50407;
    /** {@code MessagingBinding.ProxyAddress} is not a valid address. */
    public static final int INVALID_PROXY_ADDRESS = 50408;
    /** The address equals the proxy address. */
    public static final int ADDRESS_EQUALS_PROXY = 50409;
    /** {@code MessagingBinding.Address} is empty (or missing while a proxy address is given). */
    public static final int ADDRESS_EMPTY = 50411;
    /** {@code MessagingBinding.ProxyAddress} is empty (or missing while an address is given). */
    public static final int PROXY_ADDRESS_EMPTY = 50412;
    /** The address and proxy address pair is held by another conversation that is not closed. */
    public static final int BINDING_IN_USE = 50416;
    /** A chat participant with this identity is already in the conversation. */
    public static final int PARTICIPANT_EXISTS = 50433;
    /** A participant with this address and proxy address is already in the conversation. */
    public static final int GROUP_PARTICIPANT_EXISTS = 50437;
    /** {@code MessagingBinding.ProjectedAddress} together with a messaging binding address. */
    public static final int PROJECTED_ADDRESS_WITH_BINDING = 50443;

    /** Alert: the conversation has no worker participant (a participant with an identity). */
    public static final int INCOMPLETE_CONVERSATION = 32504;
    /** Alert: the conversation's data cannot be used (e.g. its worker is not an active Frontline user). */
    public static final int INVALID_CONVERSATION_DATA = 32505;
    /** Alert: routing assigned no worker to a new conversation within {@code routingAssignmentTimeout}. */
    public static final int NO_WORKER_ASSIGNED = 32506;

    private ConversationErrors() {
    }

    static ConversationException notFound(String what) {
        return new ConversationException(NOT_FOUND, 404, "The requested resource " + what + " was not found");
    }

    static ConversationException conflict(int code, String message) {
        return new ConversationException(code, 409, message);
    }

    static ConversationException invalid(int code, String message) {
        return new ConversationException(code, 400, message);
    }
}
