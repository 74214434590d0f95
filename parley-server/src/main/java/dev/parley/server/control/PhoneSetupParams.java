package dev.parley.server.control;

import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a phone's set-up parameters over its current setup; what is not given stays as it was.
 *
 * <ul>
 *   <li>{@code Incoming}: {@code answer}, {@code ring-forever}, {@code busy}, {@code unreachable}, {@code reject}</li>
 *   <li>{@code AnswerAfter} (with {@code answer}, default 1) and {@code RejectAfter} (with {@code reject},
 *       default 0): seconds of ringing first</li>
 *   <li>the script, replaced as a whole when any of these is given: {@code PressDigits=SECONDS:KEYS}
 *       (repeatable), {@code Talk=SECONDS:LENGTH} (repeatable), {@code HangupAfter=SECONDS}; or emptied by
 *       {@code ClearScript=true}</li>
 * </ul>
 */
final class PhoneSetupParams {

    /** DTMF keys a phone presses, and {@code w} for half a second's wait. */
    private static final Pattern KEYS = Pattern.compile("[0-9*#A-Dw]+");

    private PhoneSetupParams() {
    }

    static PhoneSetup read(Params params, PhoneSetup current) {
        PhoneSetup.Incoming incoming = params.first("Incoming").map(value -> PhoneSetup.Incoming.of(value)
                .orElseThrow(() -> ApiException.badRequest("Invalid Incoming: '" + value
                    + "' (answer, ring-forever, busy, unreachable or reject)")))
            .orElse(current.incoming());
        Duration after = after(params, incoming, current);
        return new PhoneSetup(incoming, after, script(params, current));
    }

    private static Duration after(Params params, PhoneSetup.Incoming incoming, PhoneSetup current) {
        if (params.has("AnswerAfter") && params.has("RejectAfter")) {
            throw ApiException.badRequest("AnswerAfter and RejectAfter exclude each other");
        }
        if (params.has("AnswerAfter")) return afterFor(params, "AnswerAfter", PhoneSetup.Incoming.ANSWER, incoming);
        if (params.has("RejectAfter")) return afterFor(params, "RejectAfter", PhoneSetup.Incoming.REJECT, incoming);
        return incoming == current.incoming() ? current.after() : incoming.defaultAfter();
    }

    private static Duration afterFor(Params params, String name, PhoneSetup.Incoming needs, PhoneSetup.Incoming incoming) {
        if (incoming != needs) {
            throw ApiException.badRequest(name + " goes with Incoming=" + needs.value + ", not " + incoming.value);
        }
        return params.seconds(name).orElseThrow();
    }

    private static List<PhoneSetup.Step> script(Params params, PhoneSetup current) {
        boolean given = params.has("PressDigits") || params.has("Talk") || params.has("HangupAfter");
        if (!given) {
            return params.bool("ClearScript").orElse(false) ? List.of() : current.script();
        }
        List<PhoneSetup.Step> steps = new ArrayList<>();
        for (String press : params.all("PressDigits")) {
            String[] parts = pair("PressDigits", press, "SECONDS:KEYS, e.g. 2:1234#");
            steps.add(new PhoneSetup.Press(Params.seconds("PressDigits", parts[0]), keys("PressDigits", parts[1])));
        }
        for (String talk : params.all("Talk")) {
            String[] parts = pair("Talk", talk, "SECONDS:LENGTH, e.g. 1:3");
            steps.add(new PhoneSetup.Talk(Params.seconds("Talk", parts[0]), Params.seconds("Talk", parts[1])));
        }
        params.seconds("HangupAfter").ifPresent(at -> steps.add(new PhoneSetup.Hangup(at)));
        return steps;
    }

    /** Checks keys to press: 0-9, *, #, A-D, and w to wait half a second. */
    static String keys(String name, String value) {
        if (!KEYS.matcher(value).matches()) {
            throw ApiException.badRequest("Invalid " + name + ": '" + value + "' (keys 0-9, *, #, A-D, and w to wait)");
        }
        return value;
    }

    private static String[] pair(String name, String value, String form) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw ApiException.badRequest("Invalid " + name + ": '" + value + "' (expected " + form + ")");
        }
        return new String[] {value.substring(0, colon), value.substring(colon + 1)};
    }
}
