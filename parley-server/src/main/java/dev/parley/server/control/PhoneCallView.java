package dev.parley.server.control;

import dev.parley.server.http.Json;
import dev.parley.sim.Connection;
import dev.parley.sim.PhoneCall;
import java.util.List;
import java.util.Locale;

/**
 * A call in a phone's log, as JSON. {@code direction}: {@code incoming} (Parley called the phone) or
 * {@code outgoing}; {@code status}: ringing, in-progress, busy, rejected, failed, canceled, hung-up-by-me,
 * hung-up-by-other; {@code call_sid} is null when Parley refused the call before naming it.
 */
record PhoneCallView(String callSid, String direction, String peer, String status, String started, String answeredAt,
                     String endedAt, String pressed, List<HeardView> heard, List<ConnectionView> connections) {

    /** A bridge the call was part of. */
    record ConnectionView(String peer, String peerCallSid, String from, String to) {
        static ConnectionView of(Connection c) {
            return new ConnectionView(c.peer(), c.peerCallSid(), Json.instant(c.from()), Json.instant(c.to()));
        }
    }

    static PhoneCallView of(PhoneCall call) {
        return new PhoneCallView(call.callSid().isEmpty() ? null : call.callSid(), name(call.direction()), call.peer(),
            name(call.status()), Json.instant(call.started()), Json.instant(call.answeredAt()),
            Json.instant(call.endedAt()), call.pressed(), call.heard().stream().map(HeardView::of).toList(),
            call.connections().stream().map(ConnectionView::of).toList());
    }

    /** {@code HUNG_UP_BY_ME} → {@code hung-up-by-me}, as Twilio spells its values. */
    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
