package dev.parley.engine.call;

import dev.parley.twiml.Dial;

/**
 * The ringback the caller hears while a {@code <Dial>} or {@code <Connect><Conversation>} rings its parties: it starts
 * when the first dialled party rings and stops when one is connected (after its whisper, if any: the caller keeps
 * hearing ringback meanwhile) or the verb ends. Twilio's {@code <Dial ringTone>} names the country whose tone to play;
 * Twilio defaults it by the dialled number's country, which Parley does not look up: {@code us} unless it is given.
 *
 * <p>A call answered before the dial hears it as Twilio plays it; with {@code answerOnBridge} Twilio leaves the call
 * unanswered and the caller hears its carrier's ringback instead. Parley answers the call either way, so a virtual
 * phone hears the same ringback in both cases.
 */
final class Ringback {

    /** The tone when {@code ringTone} is not given. */
    static final String DEFAULT_TONE = "us";

    private final CallRun run;
    private final String tone;
    private boolean playing;

    private Ringback(CallRun run, String tone) {
        this.run = run;
        this.tone = tone;
    }

    static Ringback of(CallRun run, Dial dial) {
        return new Ringback(run, dial.ringTone().orElse(DEFAULT_TONE));
    }

    /** {@code <Conversation>} has no {@code ringTone}: the default tone. */
    static Ringback of(CallRun run) {
        return new Ringback(run, DEFAULT_TONE);
    }

    /** A dialled party rings: the caller hears ringback, unless it does already. */
    void start() {
        if (playing) return;
        playing = true;
        run.context.telephony().startRingback(run.sid(), tone);
    }

    /** A party is connected, or the verb is over: the ringback stops, if it plays. */
    void stop() {
        if (!playing) return;
        playing = false;
        run.context.telephony().stopRingback(run.sid());
    }
}
