package dev.parley.engine.session;

/** Where a {@code <Connect><Conversation>} session stands. {@link #ENDED} is the only final state. */
public enum SessionState {
    /** Finding the conversation (and the party to dial) for the call. */
    LOOKING_UP,
    /** A new conversation was made for the caller; routing has until {@code routingAssignmentTimeout} to add a worker. */
    AWAITING_WORKER,
    /** The other party (the worker, or the customer for a worker's call) is being dialled, up to {@code inboundTimeout}. */
    RINGING,
    /** The other party answered and hears the {@code url} document; the caller still hears ringback. */
    WHISPERING,
    /** Both parties are joined. */
    CONNECTED,
    ENDED
}
