package dev.parley.engine.recording;

import dev.parley.engine.store.Media;
import java.time.Instant;

/**
 * A recording (RE…): what Recordings JSON shows, and its audio (a WAV file, streamed). {@code source} is Twilio's
 * ({@code RecordVerb}, {@code DialVerb}, {@code OutboundAPI}…); {@code status} is {@code completed} or
 * {@code absent}; {@code track} is which audio of the call it holds: {@code inbound}, {@code outbound} or
 * {@code both}.
 */
public record Recording(String sid, String accountSid, String callSid, Instant startTime, Instant dateCreated,
                        long durationSeconds, int channels, String track, String source, String status, Media media) {

    /** The same recording, its audio read from elsewhere (the media store, once stored). */
    public Recording withMedia(Media stored) {
        return new Recording(sid, accountSid, callSid, startTime, dateCreated, durationSeconds, channels, track, source,
            status, stored);
    }

    /** The recording's URI without extension, as Twilio puts it in {@code RecordingUrl}. */
    public String path() {
        return path(accountSid, sid);
    }

    /** The URI of a recording, known as soon as its SID is (for {@code in-progress} callbacks). */
    public static String path(String accountSid, String sid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Recordings/" + sid;
    }
}
