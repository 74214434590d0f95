package dev.parley.engine.call;

import dev.parley.twiml.Verb;
import java.util.Optional;

/**
 * A whisper: the TwiML at {@code <Number|Client|Sip url>} run on the dialled leg once it answers, before it is
 * bridged to the caller, who keeps hearing ringback meanwhile. It runs on a thread of its own, as the dialled call
 * (its own CallSid, {@code Direction=outbound-dial}, {@code ParentCallSid}), and may use the verbs that speak to the
 * called party or ask it something ({@code <Say> <Play> <Pause> <Gather> <Record> <Redirect> <Hangup>}); {@code <Dial>}
 * and {@code <Connect>} would dial out from a dialled leg: alert 13201 and the leg is hung up.
 *
 * <p>When its documents run out of verbs the legs are bridged ({@link Outcome#ACCEPTED}). When it hangs up (or its
 * TwiML cannot be had) the {@code <Dial>} hangs the leg up ({@link Outcome#REFUSED}); when the called party hangs up
 * ({@link Outcome#GONE}) the leg is over already. Either way the caller is never connected to that leg.
 *
 * <p>The leg's events go to the caller's run (it dialled the leg), which forwards them here while the whisper runs.
 */
final class Whisper {

    /** How a whisper ended. */
    enum Outcome { ACCEPTED, REFUSED, GONE }

    static final int CANNOT_DIAL_FROM_DIALED_LEG = 13201;

    private final CallRun leg;

    private Whisper(CallRun leg) {
        this.leg = leg;
    }

    /** Starts the whisper (its URL already resolved) on an answered leg; its end is posted to {@code caller}. */
    static Whisper start(CallRun caller, ChildLeg child, TwimlSource.Url source) {
        Whisper whisper = new Whisper(new CallRun(caller.context, child.call, CallSettings.none(), source));
        caller.context.timeline().add(caller.now(), child.sid(), "verb", "whisper " + source.method() + " " + source.url());
        caller.context.clock().spawn("whisper-" + child.sid(),
            () -> caller.post(new Signal.Whispered(child.sid(), whisper.run(source))));
        return whisper;
    }

    /**
     * The outcome as the dialling side must take it. A hang-up that cuts the whisper's last media short ends its
     * document as if it had played out ({@code MediaDone} comes just before {@code HungUp}), and the hang-up is
     * forwarded here unread: such a whisper is {@link Outcome#GONE}, never joined.
     */
    Outcome settled(Outcome reported) {
        return reported == Outcome.ACCEPTED && leg.partyHungUp() ? Outcome.GONE : reported;
    }

    /** An event of the leg, passed on by the caller's run. */
    void forward(Signal signal) {
        leg.post(signal);
    }

    /** The caller is gone or another leg won: the whisper stops (the dialling side hangs the leg up). */
    void cancel() {
        leg.post(new Signal.End(leg.sid(), CallStatus.COMPLETED));
    }

    /** A verb a whisper may not run: alert 13201, and the leg hangs up. */
    static Next refuse(CallRun leg, Verb verb) {
        leg.context.alert(leg.call, CANNOT_DIAL_FROM_DIALED_LEG,
            "Dial: Cannot Dial out from a Dial Call Segment (<" + verb.name() + "> in a whisper)",
            Optional.empty(), Optional.empty());
        return Next.HANGUP;
    }

    private Outcome run(TwimlSource source) {
        try {
            Next end = leg.runDocuments(source);
            return end instanceof Next.Hangup ? Outcome.REFUSED : Outcome.ACCEPTED;
        } catch (CallGone gone) {
            return gone.why == CallGone.Why.HUNG_UP ? Outcome.GONE : Outcome.REFUSED;
        } catch (RuntimeException e) {
            leg.context.alert(leg.call, 12400, "Internal failure processing the whisper: " + e, Optional.empty(),
                Optional.empty());
            leg.context.log().warn("whisper on {} failed", leg.sid(), e);
            return Outcome.REFUSED;
        }
    }
}
