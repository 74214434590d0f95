package dev.parley.engine.store;

import java.util.Objects;
import java.util.Optional;

/** The Recordings list filters: {@code CallSid}, {@code ConferenceSid} and the {@code DateCreated} range. */
public record RecordingFilter(Optional<String> callSid, Optional<String> conferenceSid, TimeRange dateCreated) {

    public static final RecordingFilter ALL = new RecordingFilter(Optional.empty(), Optional.empty(), TimeRange.ALL);

    public RecordingFilter {
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(conferenceSid, "conferenceSid");
        Objects.requireNonNull(dateCreated, "dateCreated");
    }

    public RecordingFilter callSid(String sid) {
        return new RecordingFilter(Optional.of(sid), conferenceSid, dateCreated);
    }

    public RecordingFilter conferenceSid(String sid) {
        return new RecordingFilter(callSid, Optional.of(sid), dateCreated);
    }

    public RecordingFilter dateCreated(TimeRange range) {
        return new RecordingFilter(callSid, conferenceSid, range);
    }
}
