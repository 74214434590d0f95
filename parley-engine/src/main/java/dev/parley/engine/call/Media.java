package dev.parley.engine.call;

import dev.parley.engine.telephony.LegEvent;
import dev.parley.twiml.GatherPrompt;
import dev.parley.twiml.Pause;
import dev.parley.twiml.Play;
import dev.parley.twiml.Say;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code <Say>}, {@code <Play>} and {@code <Pause>}: media on the call's own leg. Each returns true when it
 * played to its end, false when a key stopped it (inside {@code <Gather>}).
 */
final class Media {

    /** Twilio plays {@code loop="0"} "until the call ends"; in practice at most this many times. */
    static final int LOOP_FOREVER = 1000;

    private Media() {
    }

    static boolean prompt(CallRun run, GatherPrompt prompt, CallRun.DigitHandler onKey) {
        return switch (prompt) {
            case Say say -> say(run, say, onKey);
            case Play play -> play(run, play, onKey);
            case Pause pause -> pause(run, pause, onKey);
        };
    }

    static boolean say(CallRun run, Say say, CallRun.DigitHandler onKey) {
        run.ensureAnswered();
        for (int i = 0; i < times(say.loop()); i++) {
            run.context.timeline().add(run.now(), run.call, "media", "say \"" + say.text() + "\"");
            long id = run.context.telephony().say(run.sid(), say.text(), say.voice().orElse("man"),
                say.language().orElse("en-US"));
            if (!run.awaitMedia(id, onKey)) return false;
        }
        return true;
    }

    static boolean play(CallRun run, Play play, CallRun.DigitHandler onKey) {
        run.ensureAnswered();
        Optional<String> digits = play.digits();
        for (int i = 0; i < times(play.loop()); i++) {
            long id;
            if (digits.isPresent()) {
                run.context.timeline().add(run.now(), run.call, "media", "digits " + digits.get());
                id = run.context.telephony().playDigits(run.sid(), digits.get());
            } else {
                String url = run.resolve(play.url());
                run.context.timeline().add(run.now(), run.call, "media", "play " + url);
                id = run.context.telephony().play(run.sid(), url);
            }
            if (!run.awaitMedia(id, onKey)) return false;
        }
        return true;
    }

    static boolean pause(CallRun run, Pause pause, CallRun.DigitHandler onKey) {
        run.ensureAnswered();
        Instant until = run.now().plusSeconds(pause.length());
        while (true) {
            Optional<Signal> signal = run.next(until);
            if (signal.isEmpty()) return true;
            if (signal.get() instanceof Signal.Leg(String s, LegEvent.Digit digit) && s.equals(run.sid())
                && onKey != null && onKey.key(digit.key())) {
                return false;
            }
        }
    }

    private static int times(int loop) {
        return loop == 0 ? LOOP_FOREVER : loop;
    }
}
