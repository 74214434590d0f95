package dev.parley.engine.call;

import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.webhook.Params;
import dev.parley.twiml.Gather;
import dev.parley.twiml.GatherPrompt;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code <Gather>} for DTMF: plays its prompts (a key stops them), then waits {@code timeout} seconds for each
 * next key. Input ends on {@code finishOnKey}, at {@code numDigits}, or at the timeout. With digits (or
 * {@code actionOnEmptyResult}) it requests {@code action} with {@code Digits}; without, the next verb runs.
 * A hang-up, or a live update that ends or redirects the call, requests nothing: the digits so far are dropped.
 */
final class GatherVerb {

    private final CallRun run;
    private final Gather gather;
    private final StringBuilder digits = new StringBuilder();
    private String finishedOnKey = "";
    private boolean done;

    private GatherVerb(CallRun run, Gather gather) {
        this.run = run;
        this.gather = gather;
    }

    static Next run(CallRun run, Gather gather) {
        return new GatherVerb(run, gather).run();
    }

    private Next run() {
        run.ensureAnswered();
        for (GatherPrompt prompt : gather.prompts()) {
            if (!Media.prompt(run, prompt, this::key)) break;
        }
        while (!done) {
            Instant deadline = run.now().plusSeconds(gather.timeout());
            Optional<Signal> signal = run.next(deadline);
            if (signal.isEmpty()) break;
            if (signal.get() instanceof Signal.Leg(String s, LegEvent.Digit digit) && s.equals(run.sid())) {
                key(digit.key());
            }
        }
        run.context.timeline().add(run.now(), run.sid(), "verb", "Gather got \"" + digits + "\"");
        if (digits.isEmpty() && !gather.actionOnEmptyResult()) {
            return Next.CONTINUE;
        }
        Optional<String> action = run.actionOrDocument(gather.action());
        if (action.isEmpty()) {
            run.context.alert(run.call, 11100, "<Gather> has no action and its document has no URL", Optional.empty(), Optional.empty());
            return Next.CONTINUE;
        }
        Params extra = new Params().add("Digits", digits.toString()).add("FinishedOnKey", finishedOnKey);
        return new Next.Fetch(TwimlSource.Url.of(action.get(), gather.method(), extra));
    }

    /** A key pressed: always stops the prompts (DTMF barge-in). */
    private boolean key(char key) {
        if (done) return true;
        if (gather.finishOnKey().indexOf(key) >= 0) {
            finishedOnKey = String.valueOf(key);
            done = true;
            return true;
        }
        digits.append(key);
        if (gather.numDigits().isPresent() && digits.length() >= gather.numDigits().get()) {
            done = true;
        }
        return true;
    }
}
