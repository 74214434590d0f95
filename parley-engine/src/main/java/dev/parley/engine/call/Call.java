package dev.parley.engine.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The facts of one call (one leg), as the Calls API shows them, and its status callback subscription with the next
 * {@code SequenceNumber}. Changed only by the call's own run (and the engine at restart); read by anyone
 * (synchronized). Every change is reported to the call's observer, which writes it to the store: the one hook
 * through which no change of any call is missed.
 */
public final class Call {

    private final String sid;
    private final String accountSid;
    private final Optional<String> parentCallSid;
    private final String from;
    private final String to;
    private final Direction direction;
    private final Optional<String> phoneNumberSid;
    private final Instant dateCreated;
    private CallStatus status;
    private Instant dateUpdated;
    private Instant startTime;
    private Instant endTime;
    /** Where the status callbacks go; {@link CallSettings#none()} until its run says. */
    private CallSettings settings = CallSettings.none();
    /** The {@code SequenceNumber} of the next status callback. */
    private int callbackSequence;
    /** Told of every change, outside the lock. */
    private volatile Consumer<Call> observer = call -> { };

    public Call(String sid, String accountSid, Optional<String> parentCallSid, String from, String to,
                Direction direction, Optional<String> phoneNumberSid, CallStatus status, Instant now) {
        this.sid = sid;
        this.accountSid = accountSid;
        this.parentCallSid = parentCallSid;
        this.from = from;
        this.to = to;
        this.direction = direction;
        this.phoneNumberSid = phoneNumberSid;
        this.status = status;
        this.dateCreated = now;
        this.dateUpdated = now;
    }

    public String sid() { return sid; }
    public String accountSid() { return accountSid; }
    public Optional<String> parentCallSid() { return parentCallSid; }
    public String from() { return from; }
    public String to() { return to; }
    public Direction direction() { return direction; }
    public Optional<String> phoneNumberSid() { return phoneNumberSid; }
    public Instant dateCreated() { return dateCreated; }

    public synchronized CallStatus status() { return status; }
    public synchronized Instant dateUpdated() { return dateUpdated; }
    public synchronized Optional<Instant> startTime() { return Optional.ofNullable(startTime); }
    public synchronized Optional<Instant> endTime() { return Optional.ofNullable(endTime); }

    /** Seconds from answer to end (0 when never answered); empty while the call is live. */
    public synchronized Optional<Long> duration() {
        if (endTime == null) return Optional.empty();
        return Optional.of(startTime == null ? 0 : Duration.between(startTime, endTime).toSeconds());
    }

    synchronized CallSettings settings() { return settings; }
    synchronized int callbackSequence() { return callbackSequence; }

    void status(CallStatus next, Instant now) {
        synchronized (this) {
            if (status.isFinal()) throw new IllegalStateException(sid + " is already " + status.value());
            status = next;
            dateUpdated = now;
            if (next == CallStatus.IN_PROGRESS && startTime == null) startTime = now;
            if (next.isFinal()) endTime = now;
        }
        observer.accept(this);
    }

    /** The call's status callbacks go where these settings say (from its number, the API request or its noun). */
    void settings(CallSettings next) {
        synchronized (this) {
            settings = next;
        }
        observer.accept(this);
    }

    /** The {@code SequenceNumber} for a status callback about to be sent; the next one counts on from it. */
    int nextCallbackSequence() {
        int sequence;
        synchronized (this) {
            sequence = callbackSequence++;
        }
        observer.accept(this);
        return sequence;
    }

    void observe(Consumer<Call> next) {
        observer = next;
    }

    /**
     * A call as a store kept it (e.g. one that was live when Parley stopped): its facts, times, status callback
     * settings and sequence.
     */
    static Call restored(String sid, String accountSid, Optional<String> parentCallSid, String from, String to,
                         Direction direction, Optional<String> phoneNumberSid, CallStatus status, Instant dateCreated,
                         Instant dateUpdated, Optional<Instant> startTime, Optional<Instant> endTime,
                         CallSettings settings, int callbackSequence) {
        Call call = new Call(sid, accountSid, parentCallSid, from, to, direction, phoneNumberSid, status, dateCreated);
        call.dateUpdated = dateUpdated;
        call.startTime = startTime.orElse(null);
        call.endTime = endTime.orElse(null);
        call.settings = settings;
        call.callbackSequence = callbackSequence;
        return call;
    }

    @Override
    public synchronized String toString() {
        return sid + " " + from + "->" + to + " " + direction.value() + " " + status.value();
    }
}
