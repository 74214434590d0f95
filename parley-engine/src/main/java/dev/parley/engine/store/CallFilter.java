package dev.parley.engine.store;

import dev.parley.engine.call.CallStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * The Calls list filters, as Twilio names them: {@code To}, {@code From}, {@code ParentCallSid}, {@code Status}
 * (exact matches), and the {@code StartTime} and {@code EndTime} ranges.
 */
public record CallFilter(Optional<String> to, Optional<String> from, Optional<String> parentCallSid,
                         Optional<CallStatus> status, TimeRange startTime, TimeRange endTime) {

    public static final CallFilter ALL = new CallFilter(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), TimeRange.ALL, TimeRange.ALL);

    public CallFilter {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(parentCallSid, "parentCallSid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
    }

    public CallFilter to(String value) {
        return new CallFilter(Optional.of(value), from, parentCallSid, status, startTime, endTime);
    }

    public CallFilter from(String value) {
        return new CallFilter(to, Optional.of(value), parentCallSid, status, startTime, endTime);
    }

    public CallFilter parentCallSid(String value) {
        return new CallFilter(to, from, Optional.of(value), status, startTime, endTime);
    }

    public CallFilter status(CallStatus value) {
        return new CallFilter(to, from, parentCallSid, Optional.of(value), startTime, endTime);
    }

    public CallFilter startTime(TimeRange range) {
        return new CallFilter(to, from, parentCallSid, status, range, endTime);
    }

    public CallFilter endTime(TimeRange range) {
        return new CallFilter(to, from, parentCallSid, status, startTime, range);
    }
}
