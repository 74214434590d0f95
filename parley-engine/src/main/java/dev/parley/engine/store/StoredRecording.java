package dev.parley.engine.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A recording (RE…) as the Recordings API shows it; its audio is in the {@link MediaStore}. {@code duration} is in
 * seconds, empty while the recording is in progress (Twilio shows {@code -1}); {@code errorCode} is set when
 * processing failed. {@code status} and {@code source} take Twilio's values.
 */
public record StoredRecording(String sid, String accountSid, Optional<String> callSid, Optional<String> conferenceSid,
                              String status, String source, int channels, Instant startTime, Optional<Long> duration,
                              Optional<BigDecimal> price, Optional<String> priceUnit, Optional<Integer> errorCode,
                              Instant dateCreated, Instant dateUpdated) {

    public static final Set<String> STATUSES =
        Set.of("in-progress", "paused", "stopped", "processing", "completed", "absent", "deleted");
    public static final Set<String> SOURCES = Set.of("DialVerb", "Conference", "OutboundAPI", "Trunking",
        "RecordVerb", "StartCallRecordingAPI", "StartConferenceRecordingAPI");

    public StoredRecording {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(conferenceSid, "conferenceSid");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(priceUnit, "priceUnit");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
        if (!STATUSES.contains(status)) throw new IllegalArgumentException("recording status " + status);
        if (!SOURCES.contains(source)) throw new IllegalArgumentException("recording source " + source);
        if (channels != 1 && channels != 2) throw new IllegalArgumentException("channels " + channels);
    }

    /** A finished recording of a call. */
    public static StoredRecording completed(String sid, String accountSid, String callSid, String source,
                                            int channels, Instant startTime, long durationSeconds, Instant now) {
        return new StoredRecording(sid, accountSid, Optional.of(callSid), Optional.empty(), "completed", source,
            channels, startTime, Optional.of(durationSeconds), Optional.empty(), Optional.empty(), Optional.empty(),
            now, now);
    }

    public StoredRecording withStatus(String newStatus, Optional<Long> newDuration, Instant now) {
        return new StoredRecording(sid, accountSid, callSid, conferenceSid, newStatus, source, channels, startTime,
            newDuration, price, priceUnit, errorCode, dateCreated, now);
    }
}
