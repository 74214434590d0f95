package dev.parley.engine.store;

import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.Direction;
import dev.parley.twiml.HttpMethod;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A call (CA…, one leg) with every field of Twilio's Call resource that Parley keeps, plus what the engine needs to
 * finish the call after a restart: its status callback subscription and the next {@code SequenceNumber}.
 * {@code duration} is in seconds and empty while the call is live; {@code price} and the other optional fields are
 * empty (JSON null) until something sets them. {@code to_formatted}, {@code from_formatted}, {@code uri} and
 * {@code api_version} follow from these, so the REST layer derives them.
 */
public record StoredCall(String sid, String accountSid, Optional<String> parentCallSid, String from, String to,
                         Direction direction, CallStatus status, Optional<String> phoneNumberSid,
                         Optional<Instant> startTime, Optional<Instant> endTime, Optional<Long> duration,
                         Optional<BigDecimal> price, Optional<String> priceUnit, Optional<String> answeredBy,
                         Optional<String> callerName, Optional<String> forwardedFrom, Optional<String> groupSid,
                         Optional<Duration> queueTime, Optional<String> trunkSid,
                         Optional<StatusCallback> statusCallback, int callbackSequence,
                         Instant dateCreated, Instant dateUpdated) {

    public StoredCall {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(parentCallSid, "parentCallSid");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(phoneNumberSid, "phoneNumberSid");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(priceUnit, "priceUnit");
        Objects.requireNonNull(answeredBy, "answeredBy");
        Objects.requireNonNull(callerName, "callerName");
        Objects.requireNonNull(forwardedFrom, "forwardedFrom");
        Objects.requireNonNull(groupSid, "groupSid");
        Objects.requireNonNull(queueTime, "queueTime");
        Objects.requireNonNull(trunkSid, "trunkSid");
        Objects.requireNonNull(statusCallback, "statusCallback");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
    }

    /**
     * Where the call's status callbacks go and which events it subscribed to ({@code initiated}, {@code ringing},
     * {@code answered}, {@code completed}), so that a call ended at restart still sends its final callback.
     */
    public record StatusCallback(String url, HttpMethod method, List<String> events) {

        public StatusCallback {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(method, "method");
            events = List.copyOf(events);
        }
    }

    /** A new call with only the facts every call has; everything optional starts empty. */
    public static Builder builder(String sid, String accountSid, String from, String to, Direction direction,
                                  CallStatus status, Instant dateCreated) {
        return new Builder(sid, accountSid, from, to, direction, status, dateCreated);
    }

    /** A builder holding this call's values, for writing a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(sid, accountSid, from, to, direction, status, dateCreated);
        b.parentCallSid = parentCallSid;
        b.phoneNumberSid = phoneNumberSid;
        b.startTime = startTime;
        b.endTime = endTime;
        b.duration = duration;
        b.price = price;
        b.priceUnit = priceUnit;
        b.answeredBy = answeredBy;
        b.callerName = callerName;
        b.forwardedFrom = forwardedFrom;
        b.groupSid = groupSid;
        b.queueTime = queueTime;
        b.trunkSid = trunkSid;
        b.statusCallback = statusCallback;
        b.callbackSequence = callbackSequence;
        b.dateUpdated = dateUpdated;
        return b;
    }

    /** Builds a {@link StoredCall}; optional fields are set with their plain value. */
    public static final class Builder {
        private final String sid;
        private final String accountSid;
        private final String from;
        private final String to;
        private final Direction direction;
        private final Instant dateCreated;
        private CallStatus status;
        private Optional<String> parentCallSid = Optional.empty();
        private Optional<String> phoneNumberSid = Optional.empty();
        private Optional<Instant> startTime = Optional.empty();
        private Optional<Instant> endTime = Optional.empty();
        private Optional<Long> duration = Optional.empty();
        private Optional<BigDecimal> price = Optional.empty();
        private Optional<String> priceUnit = Optional.empty();
        private Optional<String> answeredBy = Optional.empty();
        private Optional<String> callerName = Optional.empty();
        private Optional<String> forwardedFrom = Optional.empty();
        private Optional<String> groupSid = Optional.empty();
        private Optional<Duration> queueTime = Optional.empty();
        private Optional<String> trunkSid = Optional.empty();
        private Optional<StatusCallback> statusCallback = Optional.empty();
        private int callbackSequence;
        private Instant dateUpdated;

        private Builder(String sid, String accountSid, String from, String to, Direction direction, CallStatus status,
                        Instant dateCreated) {
            this.sid = sid;
            this.accountSid = accountSid;
            this.from = from;
            this.to = to;
            this.direction = direction;
            this.status = status;
            this.dateCreated = dateCreated;
            this.dateUpdated = dateCreated;
        }

        public Builder status(CallStatus value) { status = value; return this; }
        public Builder parentCallSid(String value) { parentCallSid = Optional.of(value); return this; }
        public Builder phoneNumberSid(String value) { phoneNumberSid = Optional.of(value); return this; }
        public Builder startTime(Instant value) { startTime = Optional.of(value); return this; }
        public Builder endTime(Instant value) { endTime = Optional.of(value); return this; }
        public Builder duration(long seconds) { duration = Optional.of(seconds); return this; }
        public Builder price(BigDecimal value, String unit) {
            price = Optional.of(value);
            priceUnit = Optional.of(unit);
            return this;
        }
        public Builder answeredBy(String value) { answeredBy = Optional.of(value); return this; }
        public Builder callerName(String value) { callerName = Optional.of(value); return this; }
        public Builder forwardedFrom(String value) { forwardedFrom = Optional.of(value); return this; }
        public Builder groupSid(String value) { groupSid = Optional.of(value); return this; }
        public Builder queueTime(Duration value) { queueTime = Optional.of(value); return this; }
        public Builder trunkSid(String value) { trunkSid = Optional.of(value); return this; }
        public Builder statusCallback(StatusCallback value) { statusCallback = Optional.of(value); return this; }
        public Builder callbackSequence(int value) { callbackSequence = value; return this; }
        public Builder dateUpdated(Instant value) { dateUpdated = value; return this; }

        public StoredCall build() {
            return new StoredCall(sid, accountSid, parentCallSid, from, to, direction, status, phoneNumberSid,
                startTime, endTime, duration, price, priceUnit, answeredBy, callerName, forwardedFrom, groupSid,
                queueTime, trunkSid, statusCallback, callbackSequence, dateCreated, dateUpdated);
        }
    }
}
