package dev.parley.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * Something a virtual phone heard on a call.
 *
 * @param callSid  the call it was heard on
 * @param at       when it started (clock time)
 * @param offset   {@code at} measured from the call's answer (from its start while it was not answered)
 * @param kind     what it was
 * @param text     the text spoken ({@link Kind#SAY}), the URL ({@link Kind#PLAY}), the DTMF digits
 *                 ({@link Kind#DIGITS}), the address of the party talking ({@link Kind#AUDIO}), the ring tone's
 *                 country ({@link Kind#RINGBACK}); empty for a beep
 * @param voice    the voice of a {@link Kind#SAY}; empty otherwise or when none was given
 * @param language the language of a {@link Kind#SAY}; empty otherwise or when none was given
 */
public record Heard(String callSid, Instant at, Duration offset, Kind kind, String text, String voice,
        String language) {

    /** What was heard. */
    public enum Kind {
        /** Text spoken by Parley ({@code <Say>}). */
        SAY,
        /** Audio played from a URL ({@code <Play>}). */
        PLAY,
        /** DTMF tones sent by Parley ({@code <Play digits>}, {@code sendDigits}). */
        DIGITS,
        /** A beep ({@code <Record playBeep>}). */
        BEEP,
        /** A bridged party started talking (or was talking when the bridge was made). */
        AUDIO,
        /** Ringback while a party dialled for this call rings (its text: the {@code ringTone} asked for). */
        RINGBACK
    }
}
