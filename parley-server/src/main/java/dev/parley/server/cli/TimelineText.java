package dev.parley.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A call's timeline as text, one line per event with its offset from the call's start:
 * <pre>
 * Call CA… from +15557770001 to +15550001000
 *    +0.000s  status   ringing inbound +15557770001 -&gt; +15550001000
 *    +1.000s  media    say "Press two digits"
 * completed
 * </pre>
 * Events of a leg the call dialled end with that leg's CallSid in brackets.
 */
final class TimelineText {

    private TimelineText() {
    }

    static void print(JsonNode timeline, PrintWriter out) {
        String callSid = timeline.path("call_sid").asText();
        out.println("Call " + callSid + " from " + timeline.path("from").asText() + " to " + timeline.path("to").asText());
        for (JsonNode event : timeline.path("events")) {
            String leg = event.path("call_sid").asText();
            out.println(String.format(Locale.ROOT, "%10s  %-7s  %s%s", offset(event.path("offset").decimalValue()),
                event.path("kind").asText(), event.path("text").asText(), leg.equals(callSid) ? "" : "  [" + leg + "]"));
        }
        out.println(timeline.path("status").asText());
        out.flush();
    }

    private static String offset(BigDecimal seconds) {
        return String.format(Locale.ROOT, "+%.3fs", seconds);
    }
}
