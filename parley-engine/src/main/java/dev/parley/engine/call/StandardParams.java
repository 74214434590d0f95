package dev.parley.engine.call;

import dev.parley.engine.webhook.Params;

/** Twilio's standard request parameters of a call (reference §5.1). */
final class StandardParams {

    static final String API_VERSION = "2010-04-01";

    private StandardParams() {
    }

    static Params of(Call call, String callStatus) {
        Params params = new Params()
            .add("AccountSid", call.accountSid())
            .add("ApiVersion", API_VERSION)
            .add("CallSid", call.sid())
            .add("CallStatus", callStatus)
            .add("Called", call.to())
            .add("Caller", call.from())
            .add("Direction", call.direction().value())
            .add("From", call.from())
            .add("To", call.to());
        call.parentCallSid().ifPresent(parent -> params.add("ParentCallSid", parent));
        return params;
    }

    static Params of(Call call) {
        return of(call, call.status().value());
    }
}
