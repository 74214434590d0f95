package dev.parley.twiml;

import java.util.List;

/** The attributes every {@code <Dial>} noun shares: the whisper URL and the call status callback. */
abstract class DialTargetBuilder<B extends DialTargetBuilder<B>> extends ElementBuilder<B> {

    DialTargetBuilder(ElementSpec spec) {
        super(spec);
    }

    public B url(String url) { return set("url", url); }
    public B method(HttpMethod method) { return set("method", method); }
    public B statusCallback(String url) { return set("statusCallback", url); }
    public B statusCallbackMethod(HttpMethod method) { return set("statusCallbackMethod", method); }
    public B statusCallbackEvents(List<CallEvent> events) { return set("statusCallbackEvent", values(events)); }
    public B statusCallbackEvents(CallEvent event) { return statusCallbackEvents(List.of(event)); }
}
