package dev.parley.engine.call;

import dev.parley.engine.clock.Mailbox;
import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.webhook.Params;
import dev.parley.twiml.Connect;
import dev.parley.twiml.Dial;
import dev.parley.twiml.Gather;
import dev.parley.twiml.Hangup;
import dev.parley.twiml.Pause;
import dev.parley.twiml.Play;
import dev.parley.twiml.Record;
import dev.parley.twiml.Redirect;
import dev.parley.twiml.Reject;
import dev.parley.twiml.Say;
import dev.parley.twiml.UrlResolver;
import dev.parley.twiml.Verb;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One call's run: a thread that walks its TwiML top to bottom in plain blocking code. Every wait is a poll of
 * the call's mailbox through the clock. The run ends in exactly one place, {@link #finish}, which sends the
 * final status callback once.
 */
final class CallRun implements Runnable {

    static final Instant FOREVER = Instant.MAX;
    static final String APPLICATION_ERROR = "We're sorry, an application error has occurred. Goodbye!";

    final CallContext context;
    final Call call;
    final CallSettings settings;
    final Mailbox<Signal> mailbox;
    final StatusCallbacks statusCallbacks;
    /** The whole call's recording ({@code Record=true} on Calls create); does nothing for a call not recorded. */
    private final CallRecorder recorder;
    /** What the caller's device sent with the call (connect parameters), which its first webhook carried. */
    final Params parameters;
    /** What runs once the call is answered (a live update before the answer replaces it). */
    private TwimlSource first;
    /** The URL of the document running now, for relative URLs; empty for inline TwiML. */
    private Optional<String> documentUrl = Optional.empty();
    /** Written by the run under this lock; read by the API under it ({@link #end}). */
    private boolean answered;
    /** A live update ended the call ({@link #end}); guarded by this. */
    private boolean endRequested;
    /**
     * When the call's own leg hung up, as the telephony reported it (the run may notice later, e.g. after a slow
     * webhook): the call's end time, and a call that rang then is never answered. Guarded by this.
     */
    private Instant legGoneAt;
    private boolean legEnded;
    /** Guarded by this. */
    private boolean finished;
    /** A whisper: TwiML on a dialled leg before it is bridged, which may not dial out (13201). */
    private boolean whisper;
    /** The legs this call dialled that a live update redirected, by CallSid: their own runs. The run's thread only. */
    private final Map<String, CallRun> redirectedLegs = new HashMap<>();

    CallRun(CallContext context, Call call, CallSettings settings, TwimlSource first) {
        this(context, call, settings, first, new Params());
    }

    CallRun(CallContext context, Call call, CallSettings settings, TwimlSource first, Params parameters) {
        this.context = context;
        this.parameters = parameters;
        this.call = call;
        this.settings = settings;
        this.first = first;
        this.mailbox = context.clock().mailbox();
        this.statusCallbacks = new StatusCallbacks(context, call, settings);
        this.recorder = new CallRecorder(this, settings.recording());
    }

    /** A whisper on an answered leg ({@link Whisper}). */
    static CallRun whisper(CallContext context, Call leg, TwimlSource source) {
        CallRun run = new CallRun(context, leg, CallSettings.none(), source);
        run.whisper = true;
        return run;
    }

    /** An answered leg a live update took out of its verb ({@link ChildLeg#redirect}): answered already. */
    static CallRun redirectedLeg(CallContext context, Call leg, CallSettings settings, TwimlSource source) {
        CallRun run = new CallRun(context, leg, settings, source);
        run.answered = true;
        return run;
    }

    String sid() {
        return call.sid();
    }

    Instant now() {
        return context.clock().now();
    }

    void post(Signal signal) {
        if (signal instanceof Signal.Leg(String s, LegEvent.HungUp h) && s.equals(sid())) legGone();
        mailbox.post(signal);
    }

    private synchronized void legGone() {
        if (legGoneAt == null) legGoneAt = now();
    }

    private synchronized Optional<Instant> legGoneAt() {
        return Optional.ofNullable(legGoneAt);
    }

    /** Whether the call's own leg has hung up, even if the run has not seen the hang-up yet. */
    boolean partyHungUp() {
        return legGoneAt().isPresent();
    }

    /**
     * Calls API {@code Status} update of this call ({@link CallEngine#end}). Decided under the lock that answering
     * takes, so there is no race: either the update comes first and the call is never answered (it ends
     * {@code canceled}), or the answer comes first and {@code canceled} changes nothing.
     */
    synchronized boolean end(CallStatus status) {
        if (finished || (status == CallStatus.CANCELED && answered)) return false;
        endRequested = true;
        post(new Signal.End(sid(), status));
        return true;
    }

    /**
     * Calls API {@code Status} update of a leg this call dialled: its {@code <Dial>} ends the leg. An attempt, like
     * Twilio's: a leg answered before the Dial sees the update stays up under {@code canceled}.
     */
    boolean endDialled(Call leg, CallStatus status) {
        if (status == CallStatus.CANCELED && leg.status() == CallStatus.IN_PROGRESS) return false;
        post(new Signal.End(leg.sid(), status));
        return true;
    }

    /** Marks the call answered; throws when it can no longer be: the caller hung up, or a live update ended it. */
    private synchronized void answer() {
        if (legGoneAt != null) throw CallGone.hungUp();
        if (endRequested) throw CallGone.endedByApi(CallStatus.CANCELED);
        answered = true;
    }

    /**
     * Throws when the call has ended but the run has not seen it yet (the caller hung up during a slow webhook,
     * or a live update ended the call): no further document is fetched for a call that is over.
     */
    synchronized void ensureLive() {
        if (legGoneAt != null) throw CallGone.hungUp();
        if (endRequested) throw CallGone.endedByApi(endedByApi());
    }

    /** The status a call ended by the API gets: completed once answered, canceled before. */
    private CallStatus endedByApi() {
        return answered ? CallStatus.COMPLETED : CallStatus.CANCELED;
    }

    @Override
    public void run() {
        CallStatus end = CallStatus.COMPLETED;
        try {
            if (call.direction() == Direction.OUTBOUND_API && !connectOutbound()) {
                return;
            }
            runDocuments(first);
        } catch (CallGone gone) {
            end = gone.status;
        } catch (RuntimeException e) {
            context.alert(call, 12400, "Internal failure processing the call: " + e, Optional.empty(), Optional.empty());
            context.log().warn("call {} failed", call.sid(), e);
        } finally {
            finish(end);
        }
    }

    /** Rings the called party of an API call; true when it answered. Ends the call itself otherwise. */
    private boolean connectOutbound() {
        statusCallbacks.event("initiated", "initiated");
        context.telephony().dial(call.sid(), call.from(), call.to(), event -> post(new Signal.Leg(call.sid(), event)));
        Instant deadline = now().plusSeconds(settings.timeoutSeconds());
        while (true) {
            Optional<Signal> signal = mailbox.poll(deadline);
            if (signal.isEmpty()) return cancelRinging(CallStatus.NO_ANSWER);
            switch (signal.get()) {
                case Signal.Leg(String sid, LegEvent event) when sid.equals(call.sid()) -> {
                    switch (event) {
                        case LegEvent.Ringing r -> {
                            if (call.status() == CallStatus.QUEUED) {
                                setStatus(CallStatus.RINGING);
                                statusCallbacks.event("ringing", "ringing");
                            }
                        }
                        case LegEvent.Answered a -> {
                            try {
                                answer();
                            } catch (CallGone endedFirst) {
                                return cancelRinging(CallStatus.CANCELED);
                            }
                            setStatus(CallStatus.IN_PROGRESS);
                            statusCallbacks.event("answered", "in-progress");
                            recorder.answered();
                            return true;
                        }
                        case LegEvent.Busy b -> { return ended(CallStatus.BUSY); }
                        case LegEvent.Declined d -> { return ended(CallStatus.BUSY); }
                        case LegEvent.Failed f -> { return ended(CallStatus.FAILED); }
                        case LegEvent.HungUp h -> { return ended(CallStatus.FAILED); }
                        default -> { }
                    }
                }
                case Signal.End e when e.callSid().equals(sid()) -> {
                    return cancelRinging(CallStatus.CANCELED);
                }
                case Signal.Redirect r -> {
                    first = r.source();
                    context.timeline().add(now(), call, "api", "updated: the new TwiML runs once the call is answered");
                }
                default -> { }
            }
        }
    }

    /** The called party's leg ended before answer (busy, failed): the call ends with it. */
    private boolean ended(CallStatus status) {
        legEnded = true;
        finish(status);
        return false;
    }

    /** Parley gives up on the called party (timeout, live update): hangs up its leg and ends the call. */
    private boolean cancelRinging(CallStatus status) {
        context.telephony().hangup(call.sid());
        return ended(status);
    }

    /**
     * Runs documents until one ends: {@link Next#HANGUP} when TwiML hung up (or the app's TwiML could not be had),
     * {@link Next#CONTINUE} when the last document ran out of verbs. A live update replaces the document wherever it
     * runs. (A whisper tells the two apart; for a call both end it.)
     */
    Next runDocuments(TwimlSource source) {
        TwimlSource next = source;
        while (true) {
            try {
                ensureLive();
                Optional<Document> document = fetch(next);
                if (document.isEmpty()) return Next.HANGUP;
                Next end = execute(document.get());
                if (!(end instanceof Next.Fetch fetch)) return end;
                next = fetch.source();
            } catch (CallGone gone) {
                if (gone.why != CallGone.Why.REDIRECTED) throw gone;
                context.telephony().stopMedia(sid());
                context.timeline().add(now(), call, "api", "redirected by a live update");
                next = gone.redirect;
            }
        }
    }

    /** The next document, or empty after an application error (which has been said to the caller). */
    private Optional<Document> fetch(TwimlSource source) {
        Fetched fetched = context.fetcher().fetch(this, source);
        if (fetched instanceof Fetched.Ok ok) {
            return Optional.of(ok.document());
        }
        Fetched.Error error = (Fetched.Error) fetched;
        if (settings.fallbackUrl().isPresent() && source instanceof TwimlSource.Url url
            && !url.url().equals(settings.fallbackUrl().get())) {
            ensureLive();
            Params extra = new Params().add("ErrorCode", String.valueOf(error.code())).add("ErrorUrl", url.url());
            Fetched fallback = context.fetcher().fetch(this,
                TwimlSource.Url.of(settings.fallbackUrl().get(), settings.fallbackMethod(), extra));
            if (fallback instanceof Fetched.Ok ok) {
                return Optional.of(ok.document());
            }
        }
        applicationError();
        return Optional.empty();
    }

    /** Twilio's default prompt when the app's TwiML cannot be had; then the call ends. */
    private void applicationError() {
        if (call.status() == CallStatus.RINGING || call.status() == CallStatus.IN_PROGRESS) {
            ensureAnswered();
            awaitMedia(context.telephony().say(sid(), APPLICATION_ERROR, "alice", "en-US"), null);
        }
    }

    /** Runs a document's verbs: the next document to fetch, a hang-up, or {@link Next#CONTINUE} at its end. */
    private Next execute(Document document) {
        documentUrl = document.url();
        for (Verb verb : document.response().verbs()) {
            context.timeline().add(now(), call, "verb", verb.name());
            Next next = switch (verb) {
                case Say say -> played(Media.say(this, say, null));
                case Play play -> played(Media.play(this, play, null));
                case Pause pause -> played(Media.pause(this, pause, null));
                case Gather gather -> GatherVerb.run(this, gather);
                case Record record -> RecordVerb.run(this, record);
                case Dial dial -> whisper ? Whisper.refuse(this, verb) : DialVerb.run(this, dial);
                case Redirect redirect -> new Next.Fetch(TwimlSource.Url.of(resolve(redirect.url()), redirect.method()));
                case Hangup hangup -> {
                    ensureAnswered();
                    yield Next.HANGUP;
                }
                case Reject reject -> reject(reject);
                case Connect connect -> whisper ? Whisper.refuse(this, verb) : context.sessions().connect(this, connect);
            };
            if (!(next instanceof Next.Continue)) return next;
        }
        return Next.CONTINUE;
    }

    private static Next played(boolean ignored) {
        return Next.CONTINUE;
    }

    private Next reject(Reject reject) {
        Optional<CallGone> refused = refuse(reject.reason().equals("busy"));
        if (refused.isPresent()) throw refused.get();
        return Next.HANGUP;
    }

    /**
     * Refuses an inbound call nobody has answered yet ({@code <Reject>}, or a session that finds no conversation):
     * the caller hears busy or a rejection. Returns what ends the run, or empty when the call was answered already.
     */
    Optional<CallGone> refuse(boolean busy) {
        if (answered || call.direction() != Direction.INBOUND) return Optional.empty();
        context.telephony().reject(sid(), busy);
        legEnded = true;
        return Optional.of(CallGone.rejected(CallStatus.BUSY));
    }

    /** Answers an inbound call that is still ringing (anything but {@code <Reject>} does). */
    void ensureAnswered() {
        if (!answered) {
            answer();
            if (call.direction() == Direction.INBOUND) {
                context.telephony().answer(sid());
                setStatus(CallStatus.IN_PROGRESS);
            }
        }
    }

    /** A URL of the current document resolved against its URL (RFC 3986). */
    String resolve(String reference) {
        return UrlResolver.resolve(documentUrl, reference).orElse(reference);
    }

    /** The action URL of a verb: as written and resolved, else the current document's URL. */
    Optional<String> actionOrDocument(Optional<String> action) {
        return action.map(this::resolve).or(() -> documentUrl);
    }

    /**
     * The next signal, waiting until the deadline. Throws {@link CallGone} when the call's own leg hangs up,
     * the API ends the call or a live update redirects it.
     */
    Optional<Signal> next(Instant deadline) {
        Optional<Signal> signal = mailbox.poll(deadline);
        if (signal.isPresent()) {
            switch (signal.get()) {
                case Signal.Leg(String s, LegEvent.HungUp h) when s.equals(sid()) -> {
                    legEnded = true;
                    context.timeline().add(now(), call, "leg", "caller hung up");
                    throw CallGone.hungUp();
                }
                case Signal.Redirect r -> throw CallGone.redirected(r.source());
                case Signal.End e when e.callSid().equals(sid()) -> throw CallGone.endedByApi(endedByApi());
                case Signal.RedirectLeg r when redirectedLegs.containsKey(r.callSid()) -> passOn(r);
                default -> { }
            }
        }
        return signal;
    }

    /**
     * Lets an answered leg this call dialled go to run the TwiML of a live update on its own: the caller's verb has
     * unbridged it; from now on its events, and any later update sent here, go to its own run.
     */
    void redirectLeg(ChildLeg leg, TwimlSource source) {
        CallRun own = leg.redirect(source);
        redirectedLegs.put(leg.sid(), own);
        context.start(own);
    }

    /** A second update of a leg already redirected, posted here before the first took effect: it goes to the leg. */
    private void passOn(Signal.RedirectLeg update) {
        redirectedLegs.get(update.callSid()).post(new Signal.Redirect(update.source()));
    }

    /** Handles a key pressed during media; returns true to stop waiting. */
    interface DigitHandler {
        boolean key(char key);
    }

    /**
     * Waits for media to end. Keys pressed meanwhile go to the handler (none: they are dropped); when it says
     * stop, the media is stopped (barge-in) and this returns false. True when the media played to its end.
     */
    boolean awaitMedia(long mediaId, DigitHandler onKey) {
        while (true) {
            Signal signal = next(FOREVER).orElseThrow();
            if (signal instanceof Signal.Leg(String s, LegEvent event) && s.equals(sid())) {
                if (event instanceof LegEvent.MediaDone done && done.mediaId() == mediaId) {
                    if (done.legEnded()) legGone();
                    return true;
                }
                if (event instanceof LegEvent.Digit digit && onKey != null && onKey.key(digit.key())) {
                    context.telephony().stopMedia(sid());
                    drainMedia(mediaId);
                    return false;
                }
            }
        }
    }

    /** Consumes the MediaDone of stopped media, keeping other signals' effects (hang-ups still end the call). */
    private void drainMedia(long mediaId) {
        while (true) {
            Signal signal = next(FOREVER).orElseThrow();
            if (signal instanceof Signal.Leg(String s, LegEvent.MediaDone done) && s.equals(sid()) && done.mediaId() == mediaId) {
                return;
            }
        }
    }

    void setStatus(CallStatus status) {
        setStatus(status, now());
    }

    private void setStatus(CallStatus status, Instant at) {
        call.status(status, at);
        context.timeline().add(now(), call, "status", status.value());
    }

    boolean answered() {
        return answered;
    }

    /** Joins this call to another leg (a {@code <Dial>} or a session connecting them): each hears the other. */
    void bridge(String otherSid) {
        context.telephony().bridge(sid(), otherSid);
        context.timeline().add(now(), call, "leg", "bridged with " + otherSid);
    }

    void unbridge(String otherSid) {
        context.telephony().unbridge(sid(), otherSid);
    }

    /**
     * The one exit of every call: final status, leg hung up, the whole call's recording made, the final status
     * callback exactly once, its first attempt over before the call stops being live. A call whose party hung up
     * ends when they did, though the run may notice later (a slow webhook, an action requested after the hang-up).
     */
    void finish(CallStatus status) {
        synchronized (this) {
            if (finished) return;
            finished = true;
        }
        if (!legEnded) {
            context.telephony().hangup(sid());
            legEnded = true;
        }
        passOnLegUpdates();
        CallStatus last = call.status();
        CallStatus end = status;
        if (status == CallStatus.COMPLETED && !answered && last != CallStatus.IN_PROGRESS) {
            end = call.direction() == Direction.INBOUND ? CallStatus.CANCELED : CallStatus.NO_ANSWER;
        }
        if (!last.isFinal()) setStatus(end, legGoneAt().orElse(now()));
        try {
            stopRecording();
            statusCallbacks.completedAwaited(recorder.statusParams());
        } finally {
            context.ended(this);
        }
    }

    /** Updates of redirected legs still in the mailbox go to the legs' runs (the rest is of no use any more). */
    private void passOnLegUpdates() {
        if (redirectedLegs.isEmpty()) return;
        for (Optional<Signal> s = mailbox.poll(); s.isPresent(); s = mailbox.poll()) {
            if (s.get() instanceof Signal.RedirectLeg r && redirectedLegs.containsKey(r.callSid())) passOn(r);
        }
    }

    /** Makes the whole call's recording; a failure to make it must not cost the call its final callback. */
    private void stopRecording() {
        try {
            recorder.stop();
        } catch (RuntimeException e) {
            context.timeline().add(now(), call, "verb", "OutboundAPI: the recording could not be made: " + e);
            context.log().warn("call {}: its recording could not be made", sid(), e);
        }
    }
}
