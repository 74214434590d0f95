package dev.parley.server.control;

import dev.parley.server.http.Json;
import dev.parley.sim.Heard;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Something a phone heard, as JSON: {@code kind} is say, play, digits, beep, audio (a bridged party talking) or
 * ringback (its text the {@code ringTone}).
 */
record HeardView(String callSid, String at, BigDecimal offset, String kind, String text, String voice, String language) {

    static HeardView of(Heard heard) {
        return new HeardView(heard.callSid(), Json.instant(heard.at()), Json.seconds(heard.offset()),
            heard.kind().name().toLowerCase(Locale.ROOT), heard.text(), emptyToNull(heard.voice()),
            emptyToNull(heard.language()));
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
