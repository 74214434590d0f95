package dev.parley.engine.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The facts of one call (one leg), as the Calls API shows them. Changed only by the call's own run; read by
 * anyone (synchronized).
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

    synchronized void status(CallStatus next, Instant now) {
        if (status.isFinal()) throw new IllegalStateException(sid + " is already " + status.value());
        status = next;
        dateUpdated = now;
        if (next == CallStatus.IN_PROGRESS && startTime == null) startTime = now;
        if (next.isFinal()) endTime = now;
    }

    @Override
    public synchronized String toString() {
        return sid + " " + from + "->" + to + " " + direction.value() + " " + status.value();
    }
}
