package dev.parley.engine.call;

import dev.parley.engine.store.StoredCall;
import dev.parley.twiml.HttpMethod;
import java.util.List;
import java.util.Optional;

/** A call as the store keeps it and back: the one mapping between {@link Call} and {@link StoredCall}. */
final class CallRecords {

    private CallRecords() {
    }

    /** What the store keeps of a call now (read under the call's lock). */
    static StoredCall stored(Call call) {
        synchronized (call) {
            StoredCall.Builder b = StoredCall.builder(call.sid(), call.accountSid(), call.from(), call.to(),
                call.direction(), call.status(), call.dateCreated());
            call.parentCallSid().ifPresent(b::parentCallSid);
            call.phoneNumberSid().ifPresent(b::phoneNumberSid);
            call.startTime().ifPresent(b::startTime);
            call.endTime().ifPresent(b::endTime);
            call.duration().ifPresent(b::duration);
            CallSettings settings = call.settings();
            settings.statusCallback().ifPresent(url -> b.statusCallback(new StoredCall.StatusCallback(url,
                settings.statusCallbackMethod(), settings.statusCallbackEvents())));
            return b.callbackSequence(call.callbackSequence()).dateUpdated(call.dateUpdated()).build();
        }
    }

    /** The call a store kept, with its status callback settings and sequence. */
    static Call restored(StoredCall c) {
        CallSettings settings = c.statusCallback()
            .map(cb -> new CallSettings(Optional.empty(), HttpMethod.POST, Optional.of(cb.url()), cb.method(),
                cb.events(), CallSettings.none().timeoutSeconds()))
            .orElseGet(() -> new CallSettings(Optional.empty(), HttpMethod.POST, Optional.empty(), HttpMethod.POST,
                List.of(), CallSettings.none().timeoutSeconds()));
        return Call.restored(c.sid(), c.accountSid(), c.parentCallSid(), c.from(), c.to(), c.direction(),
            c.phoneNumberSid(), c.status(), c.dateCreated(), c.dateUpdated(), c.startTime(), c.endTime(), settings,
            c.callbackSequence());
    }
}
