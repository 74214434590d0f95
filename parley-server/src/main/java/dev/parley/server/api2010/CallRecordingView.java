package dev.parley.server.api2010;

import dev.parley.engine.store.StoredRecording;
import dev.parley.server.http.Dates;
import java.math.BigDecimal;

/**
 * A recording as a call's Recordings subresource shows it ({@code api.v2010.account.call.call_recording}): the
 * account's view without {@code media_url} and {@code subresource_uris}, with {@code track} ({@code both}: Parley
 * records both directions), a numeric {@code price} and a {@code uri} under the call.
 */
record CallRecordingView(String accountSid, String apiVersion, String callSid, String conferenceSid,
                         String dateCreated, String dateUpdated, String startTime, String duration, String sid,
                         BigDecimal price, String uri, Object encryptionDetails, String priceUnit, String status,
                         int channels, String source, Integer errorCode, String track) {

    static CallRecordingView of(StoredRecording r) {
        String callSid = r.callSid().orElseThrow();
        return new CallRecordingView(r.accountSid(), Api2010.API_VERSION, callSid, r.conferenceSid().orElse(null),
            Dates.rfc2822(r.dateCreated()), Dates.rfc2822(r.dateUpdated()), Dates.rfc2822(r.startTime()),
            RecordingView.duration(r), r.sid(), r.price().orElse(null),
            CallView.path(r.accountSid(), callSid) + "/Recordings/" + r.sid() + ".json", null,
            r.priceUnit().orElse("USD"), r.status(), r.channels(), r.source(), r.errorCode().orElse(null), "both");
    }
}
