package dev.parley.server.api2010;

import dev.parley.engine.store.StoredRecording;
import dev.parley.server.http.Dates;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A recording as the Recordings API shows it ({@code api.v2010.account.recording}): {@code duration} a string,
 * {@code media_url} absolute and without extension (WAV; {@code .mp3} and {@code .wav} pick a format), the rest
 * relative to the host.
 */
record RecordingView(String accountSid, String apiVersion, String callSid, String conferenceSid, String dateCreated,
                     String dateUpdated, String startTime, String duration, String sid, String price, String priceUnit,
                     String status, int channels, String source, Integer errorCode, String uri,
                     Object encryptionDetails, Map<String, String> subresourceUris, String mediaUrl) {

    static String path(String accountSid, String sid) {
        return AccountPath.of(accountSid, "/Recordings/" + sid);
    }

    static RecordingView of(StoredRecording r, String baseUrl) {
        String path = path(r.accountSid(), r.sid());
        return new RecordingView(r.accountSid(), Api2010.API_VERSION, r.callSid().orElse(null),
            r.conferenceSid().orElse(null), Dates.rfc2822(r.dateCreated()), Dates.rfc2822(r.dateUpdated()),
            Dates.rfc2822(r.startTime()), duration(r), r.sid(), r.price().map(BigDecimal::toPlainString).orElse(null),
            r.priceUnit().orElse("USD"), r.status(), r.channels(), r.source(), r.errorCode().orElse(null),
            path + ".json", null,
            Subresources.of(path, "add_on_results", "/AddOnResults", "transcriptions", "/Transcriptions"),
            baseUrl + path);
    }

    /** Seconds as a string; {@code -1} while the recording is in progress, as Twilio shows it. */
    static String duration(StoredRecording r) {
        return String.valueOf(r.duration().orElse(-1L));
    }
}
