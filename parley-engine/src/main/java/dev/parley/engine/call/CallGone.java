package dev.parley.engine.call;

/**
 * Unwinds a call's run when it can no longer run TwiML: the caller hung up, the API ended the call, {@code <Reject>}
 * refused it, or a live update replaced the document. Verbs that owe a request (an action) catch it, settle, and rethrow.
 */
final class CallGone extends RuntimeException {

    enum Why { HUNG_UP, ENDED_BY_API, REJECTED, REDIRECTED }

    final Why why;
    final CallStatus status;
    final TwimlSource redirect;

    private CallGone(Why why, CallStatus status, TwimlSource redirect) {
        super(why.name(), null, false, false);
        this.why = why;
        this.status = status;
        this.redirect = redirect;
    }

    static CallGone hungUp() {
        return new CallGone(Why.HUNG_UP, CallStatus.COMPLETED, null);
    }

    static CallGone endedByApi(CallStatus status) {
        return new CallGone(Why.ENDED_BY_API, status, null);
    }

    /** {@code <Reject>} refused the inbound call without answering it. */
    static CallGone rejected(CallStatus status) {
        return new CallGone(Why.REJECTED, status, null);
    }

    static CallGone redirected(TwimlSource source) {
        return new CallGone(Why.REDIRECTED, null, source);
    }
}
