package dev.parley.engine.recording;

import java.time.Instant;

/**
 * A recording (RE…): what Recordings JSON shows, and its audio. {@code source} is Twilio's
 * ({@code RecordVerb}, {@code DialVerb}, {@code OutboundAPI}…); {@code status} is {@code completed} or
 * {@code absent}.
 */
public record Recording(String sid, String accountSid, String callSid, Instant startTime, Instant dateCreated,
                        long durationSeconds, int channels, String source, String status, byte[] wav) {

    /** The recording's URI without extension, as Twilio puts it in {@code RecordingUrl}. */
    public String path() {
        return path(accountSid, sid);
    }

    /** The URI of a recording, known as soon as its SID is (for {@code in-progress} callbacks). */
    public static String path(String accountSid, String sid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Recordings/" + sid;
    }
}
