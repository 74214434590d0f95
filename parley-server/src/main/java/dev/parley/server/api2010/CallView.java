package dev.parley.server.api2010;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.store.StoredCall;
import dev.parley.server.http.Dates;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call as the Calls API shows it ({@code api.v2010.account.call}): numbers such as {@code duration} and
 * {@code queue_time} are strings, dates RFC 2822, {@code uri} and {@code subresource_uris} relative to the host.
 */
record CallView(String sid, String dateCreated, String dateUpdated, String parentCallSid, String accountSid,
                String to, String toFormatted, String from, String fromFormatted, String phoneNumberSid,
                String status, String startTime, String endTime, String duration, String price, String priceUnit,
                String direction, String answeredBy, String apiVersion, String forwardedFrom, String groupSid,
                String callerName, String queueTime, String trunkSid, String uri, Map<String, String> subresourceUris) {

    /** Twilio's list of a call's subresources, in its order (Parley serves {@code recordings}). */
    private static final String[] SUBRESOURCES = {"notifications", "/Notifications", "recordings", "/Recordings",
        "payments", "/Payments", "events", "/Events", "siprec", "/Siprec", "streams", "/Streams",
        "transcriptions", "/Transcriptions", "user_defined_message_subscriptions", "/UserDefinedMessageSubscriptions",
        "user_defined_messages", "/UserDefinedMessages"};
    private static final Pattern NANP = Pattern.compile("\\+1([2-9][0-9]{2})([0-9]{3})([0-9]{4})");

    static String path(String accountSid, String sid) {
        return AccountPath.of(accountSid, "/Calls/" + sid);
    }

    static CallView of(StoredCall c) {
        String path = path(c.accountSid(), c.sid());
        return new CallView(c.sid(), Dates.rfc2822(c.dateCreated()), Dates.rfc2822(c.dateUpdated()),
            c.parentCallSid().orElse(null), c.accountSid(), c.to(), formatted(c.to()), c.from(), formatted(c.from()),
            c.phoneNumberSid().orElse(null), c.status().value(), Dates.rfc2822(c.startTime()),
            Dates.rfc2822(c.endTime()), c.duration().map(String::valueOf).orElse(null),
            c.price().map(BigDecimal::toPlainString).orElse(null), c.priceUnit().orElse("USD"),
            c.direction().value(), c.answeredBy().orElse(null), Api2010.API_VERSION, c.forwardedFrom().orElse(null),
            c.groupSid().orElse(null), c.callerName().orElse(null),
            String.valueOf(c.queueTime().map(Duration::toMillis).orElse(0L)), c.trunkSid().orElse(null),
            path + ".json", Subresources.of(path, SUBRESOURCES));
    }

    /**
     * A call as it was created: {@code queued}, not started. The create request answers with this, as Twilio does,
     * whatever the call has done since (on virtual time it may have run by the time the answer is written).
     */
    static StoredCall created(Call c) {
        StoredCall.Builder b = StoredCall.builder(c.sid(), c.accountSid(), c.from(), c.to(), c.direction(),
            CallStatus.QUEUED, c.dateCreated());
        c.parentCallSid().ifPresent(b::parentCallSid);
        c.phoneNumberSid().ifPresent(b::phoneNumberSid);
        return b.build();
    }

    /**
     * A party as Twilio formats it for display: North American numbers as {@code (415) 555-0100}, anything else
     * (other countries' E.164 numbers, {@code client:}, SIP addresses) as it is.
     */
    static String formatted(String party) {
        Matcher m = NANP.matcher(party);
        return m.matches() ? "(" + m.group(1) + ") " + m.group(2) + "-" + m.group(3) : party;
    }
}
