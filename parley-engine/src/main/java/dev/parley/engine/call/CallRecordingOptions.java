package dev.parley.engine.call;

import dev.parley.twiml.HttpMethod;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code Record=true} of a Calls create request: the whole call is recorded from the answer to its end, with
 * {@code RecordingChannels} ({@code dual}: two channels), {@code RecordingTrack}, {@code Trim} ({@code trim-silence}
 * by default on Calls create) and where the recording's status goes ({@code RecordingStatusCallback},
 * {@code RecordingStatusCallbackMethod}, {@code RecordingStatusCallbackEvent}; default {@code completed}).
 */
public record CallRecordingOptions(boolean dual, Track track, boolean trim, Optional<String> statusCallback,
                                   HttpMethod statusCallbackMethod, List<String> statusCallbackEvents) {

    /**
     * {@code RecordingTrack} (and {@code <Dial recordingTrack>}): what Parley receives from the recorded party (its
     * voice), what it sends to it (what it hears), or both.
     */
    public enum Track {
        INBOUND, OUTBOUND, BOTH;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the party's own voice is recorded. */
        public boolean recordsInbound() {
            return this != OUTBOUND;
        }

        /** Whether what the party hears is recorded. */
        public boolean recordsOutbound() {
            return this != INBOUND;
        }

        /**
         * Channels of the file when {@code dual} ones are asked for or not: two only for both tracks; "When inbound or
         * outbound audio track is recorded, the resulting recording file will always be mono-channel" (Twilio, "How to
         * record a single side of a call").
         */
        public int channels(boolean dual) {
            return dual && this == BOTH ? 2 : 1;
        }

        /** The track named by {@code RecordingTrack}, when it is one. */
        public static Optional<Track> of(String value) {
            for (Track track : values()) {
                if (track.value().equals(value)) return Optional.of(track);
            }
            return Optional.empty();
        }
    }

    public CallRecordingOptions {
        statusCallbackEvents = List.copyOf(statusCallbackEvents);
    }

    /** Twilio's defaults: mono, both tracks, silence trimmed, no status callback (events {@code completed}). */
    public static CallRecordingOptions defaults() {
        return new CallRecordingOptions(false, Track.BOTH, true, Optional.empty(), HttpMethod.POST, List.of("completed"));
    }

    public CallRecordingOptions withChannels(boolean dualChannels) {
        return new CallRecordingOptions(dualChannels, track, trim, statusCallback, statusCallbackMethod, statusCallbackEvents);
    }

    public CallRecordingOptions withTrack(Track recorded) {
        return new CallRecordingOptions(dual, recorded, trim, statusCallback, statusCallbackMethod, statusCallbackEvents);
    }

    public CallRecordingOptions withTrim(boolean trimSilence) {
        return new CallRecordingOptions(dual, track, trimSilence, statusCallback, statusCallbackMethod, statusCallbackEvents);
    }

    public CallRecordingOptions withStatusCallback(String url, HttpMethod method, List<String> events) {
        return new CallRecordingOptions(dual, track, trim, Optional.of(url), method, events);
    }

    /** Channels of the file: two only for {@code dual} with both tracks ({@link Track#channels(boolean)}). */
    public int channels() {
        return track.channels(dual);
    }
}
