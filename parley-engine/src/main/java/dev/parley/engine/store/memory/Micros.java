package dev.parley.engine.store.memory;

import dev.parley.engine.store.StoredAccount;
import dev.parley.engine.store.StoredAlert;
import dev.parley.engine.store.StoredCall;
import dev.parley.engine.store.StoredNumber;
import dev.parley.engine.store.StoredRecording;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Times kept to the microsecond, as the port says and both databases store them. */
final class Micros {

    private Micros() {
    }

    static Instant of(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Optional<Instant> of(Optional<Instant> instant) {
        return instant.map(Micros::of);
    }

    static StoredAccount of(StoredAccount a) {
        return new StoredAccount(a.sid(), a.ownerAccountSid(), a.friendlyName(), a.status(), a.type(), a.authToken(),
            of(a.dateCreated()), of(a.dateUpdated()));
    }

    static StoredNumber of(StoredNumber n) {
        return new StoredNumber(n.sid(), n.accountSid(), n.phoneNumber(), n.friendlyName(), n.voiceUrl(),
            n.voiceMethod(), n.voiceFallbackUrl(), n.voiceFallbackMethod(), n.statusCallback(),
            n.statusCallbackMethod(), of(n.dateCreated()), of(n.dateUpdated()));
    }

    static StoredCall of(StoredCall c) {
        return new StoredCall(c.sid(), c.accountSid(), c.parentCallSid(), c.from(), c.to(), c.direction(), c.status(),
            c.phoneNumberSid(), of(c.startTime()), of(c.endTime()), c.duration(), c.price(), c.priceUnit(),
            c.answeredBy(), c.callerName(), c.forwardedFrom(), c.groupSid(), c.queueTime(), c.trunkSid(),
            c.statusCallback(), c.callbackSequence(), of(c.dateCreated()), of(c.dateUpdated()));
    }

    static StoredRecording of(StoredRecording r) {
        return new StoredRecording(r.sid(), r.accountSid(), r.callSid(), r.conferenceSid(), r.status(), r.source(),
            r.channels(), of(r.startTime()), r.duration(), r.price(), r.priceUnit(), r.errorCode(),
            of(r.dateCreated()), of(r.dateUpdated()));
    }

    static StoredAlert of(StoredAlert a) {
        return new StoredAlert(a.sid(), a.accountSid(), a.resourceSid(), a.serviceSid(), a.errorCode(), a.logLevel(),
            a.alertText(), a.requestMethod(), a.requestUrl(), a.requestVariables(), a.requestHeaders(),
            a.responseBody(), a.responseHeaders(), of(a.dateGenerated()), of(a.dateCreated()), of(a.dateUpdated()));
    }
}
