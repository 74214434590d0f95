package dev.parley.engine.session;

import static dev.parley.engine.session.DialCallStatus.BUSY;
import static dev.parley.engine.session.DialCallStatus.CANCELED;
import static dev.parley.engine.session.DialCallStatus.COMPLETED;
import static dev.parley.engine.session.DialCallStatus.FAILED;
import static dev.parley.engine.session.DialCallStatus.NO_ANSWER;
import static dev.parley.engine.session.Result.DIALED_CALL_INCOMPLETE;
import static dev.parley.engine.session.Result.FAILED_CREATE_CONVERSATION;
import static dev.parley.engine.session.Result.INTERNAL_ERROR;
import static dev.parley.engine.session.Result.INVALID_CONVERSATION;
import static dev.parley.engine.session.Result.NO_EXISTING_CONVERSATION;
import static dev.parley.engine.session.Result.NO_OTHER_PARTICIPANTS;
import static dev.parley.engine.session.Result.SESSION_SUCCESS;
import static dev.parley.engine.session.SessionState.AWAITING_WORKER;
import static dev.parley.engine.session.SessionState.CONNECTED;
import static dev.parley.engine.session.SessionState.ENDED;
import static dev.parley.engine.session.SessionState.LOOKING_UP;
import static dev.parley.engine.session.SessionState.RINGING;
import static dev.parley.engine.session.SessionState.WHISPERING;

import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.ConversationErrors;
import dev.parley.engine.conversation.Frontline;
import dev.parley.engine.conversation.RoutingAttempt;
import dev.parley.engine.conversation.Subscription;
import dev.parley.engine.conversation.WorkerAssignment;
import dev.parley.engine.session.SessionEvent.CallerGone;
import dev.parley.engine.session.SessionEvent.ConversationCreated;
import dev.parley.engine.session.SessionEvent.CreationFailed;
import dev.parley.engine.session.SessionEvent.DeadlinePassed;
import dev.parley.engine.session.SessionEvent.Failure;
import dev.parley.engine.session.SessionEvent.InvalidConversation;
import dev.parley.engine.session.SessionEvent.LegAnswered;
import dev.parley.engine.session.SessionEvent.LegBusy;
import dev.parley.engine.session.SessionEvent.LegEndedByApi;
import dev.parley.engine.session.SessionEvent.LegFailed;
import dev.parley.engine.session.SessionEvent.LegHungUp;
import dev.parley.engine.session.SessionEvent.LegRedirected;
import dev.parley.engine.session.SessionEvent.LegRinging;
import dev.parley.engine.session.SessionEvent.NoConversation;
import dev.parley.engine.session.SessionEvent.PartyFound;
import dev.parley.engine.session.SessionEvent.Start;
import dev.parley.engine.session.SessionEvent.UnusableConversation;
import dev.parley.engine.session.SessionEvent.WhisperAccepted;
import dev.parley.engine.session.SessionEvent.WhisperRefused;
import dev.parley.engine.session.SessionEvent.WorkerAdded;
import dev.parley.engine.webhook.Params;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The {@code <Connect><Conversation>} session: one explicit state machine. States are {@link SessionState}, events
 * are {@link SessionEvent}s, every transition is declared once in {@link #TRANSITIONS} (rendered by
 * {@link #diagram()}), and side effects go through the {@link SessionContext}. {@link #exit()} is the only place that
 * sends the session's final status callback and the action request; it runs exactly once, when the machine reaches
 * {@link SessionState#ENDED}, whatever the path.
 *
 * <p>The call's run drives it: {@link #start()}, then, until {@link #ended()}, it waits for the next signal or
 * {@link #deadline()} and {@link #fire fires} the matching event. Not thread-safe: only the call's thread touches it
 * ({@link SessionContext#post} brings events from elsewhere).
 */
public final class SessionMachine {

    /**
     * The longest the parties stay joined: Twilio's limit on a call's length (the Calls API's {@code TimeLimit} and
     * {@code <Dial timeLimit>} default), as {@code <Conversation>} has no attribute of its own for it.
     */
    static final Duration MAX_CONNECTED = Duration.ofHours(4);

    /** Every transition of the session. */
    static final Transitions<SessionMachine> TRANSITIONS = new Transitions<SessionMachine>()
        .on(LOOKING_UP, Start.class).stay(SessionMachine::lookUp)
        .on(LOOKING_UP, PartyFound.class).to(RINGING, SessionMachine::dial)
        .on(LOOKING_UP, ConversationCreated.class).to(AWAITING_WORKER, SessionMachine::route)
        .on(LOOKING_UP, NoConversation.class).end(NO_EXISTING_CONVERSATION, (m, e) -> m.context.refuseCaller())
        .on(LOOKING_UP, CreationFailed.class).end(FAILED_CREATE_CONVERSATION, SessionMachine::creationFailed)
        .on(LOOKING_UP, InvalidConversation.class).end(INVALID_CONVERSATION, SessionMachine::invalid)
        .on(LOOKING_UP, UnusableConversation.class).end(INTERNAL_ERROR, SessionMachine::unusable)
        .on(AWAITING_WORKER, WorkerAdded.class).stay(SessionMachine::checkWorker)
        .on(AWAITING_WORKER, PartyFound.class).to(RINGING, SessionMachine::dial)
        .on(AWAITING_WORKER, UnusableConversation.class).end(INTERNAL_ERROR, SessionMachine::unusable)
        .on(AWAITING_WORKER, DeadlinePassed.class).end(NO_OTHER_PARTICIPANTS, SessionMachine::noWorkerInTime)
        .on(AWAITING_WORKER, CallerGone.class).end(NO_OTHER_PARTICIPANTS, (m, e) -> { })
        .on(RINGING, LegRinging.class).stay(SessionMachine::ringing)
        .on(RINGING, LegAnswered.class).when("url", m -> m.settings.whisper()).to(WHISPERING, SessionMachine::whisper)
        .on(RINGING, LegAnswered.class).to(CONNECTED, SessionMachine::answered)
        .on(RINGING, LegBusy.class).end(DIALED_CALL_INCOMPLETE, BUSY, (m, e) -> { })
        .on(RINGING, LegFailed.class).end(DIALED_CALL_INCOMPLETE, FAILED, (m, e) -> { })
        .on(RINGING, DeadlinePassed.class).end(DIALED_CALL_INCOMPLETE, NO_ANSWER, (m, e) -> m.context.hangUpLeg(NO_ANSWER))
        .on(RINGING, LegEndedByApi.class).end(DIALED_CALL_INCOMPLETE, CANCELED, (m, e) -> m.context.hangUpLeg(CANCELED))
        .on(RINGING, CallerGone.class).end(DIALED_CALL_INCOMPLETE, CANCELED, (m, e) -> m.context.hangUpLeg(CANCELED))
        .on(WHISPERING, WhisperAccepted.class).to(CONNECTED, SessionMachine::bridge)
        .on(WHISPERING, WhisperRefused.class).end(DIALED_CALL_INCOMPLETE, NO_ANSWER, (m, e) -> m.context.hangUpLeg(COMPLETED))
        .on(WHISPERING, LegEndedByApi.class).end(DIALED_CALL_INCOMPLETE, NO_ANSWER, SessionMachine::abandonWhisper)
        .on(WHISPERING, CallerGone.class).end(DIALED_CALL_INCOMPLETE, CANCELED, SessionMachine::abandonWhisper)
        .on(CONNECTED, LegHungUp.class).end(SESSION_SUCCESS, COMPLETED, (m, e) -> m.context.unbridge())
        .on(CONNECTED, LegRedirected.class).end(SESSION_SUCCESS, COMPLETED, (m, e) -> m.context.unbridge())
        .on(CONNECTED, LegEndedByApi.class).end(SESSION_SUCCESS, COMPLETED, SessionMachine::hangUpConnected)
        .on(CONNECTED, CallerGone.class).end(SESSION_SUCCESS, COMPLETED, SessionMachine::hangUpConnected)
        .on(CONNECTED, DeadlinePassed.class).end(SESSION_SUCCESS, COMPLETED, SessionMachine::hangUpConnected)
        .onAnyLive(Failure.class).end(INTERNAL_ERROR, SessionMachine::failed);

    private final SessionContext context;
    private final Frontline frontline;
    private final SessionSettings settings;
    private final boolean workerInitiated;
    private final SessionStatusCallbacks statusCallbacks;
    private final Deque<SessionEvent> raised = new ArrayDeque<>();
    private SessionState state = LOOKING_UP;
    private Optional<Instant> deadline = Optional.empty();
    private Optional<Conversation> conversation = Optional.empty();
    private Optional<String> customer = Optional.empty();
    private Optional<Subscription> watching = Optional.empty();
    private Optional<RoutingAttempt> routing = Optional.empty();
    private Optional<String> dialCallSid = Optional.empty();
    private Optional<Result> result = Optional.empty();
    private Optional<DialCallStatus> dialCallStatus = Optional.empty();
    private boolean exited;

    public SessionMachine(SessionContext context, Frontline frontline, SessionSettings settings) {
        this.context = context;
        this.frontline = frontline;
        this.settings = settings;
        this.workerInitiated = SessionLookup.workerInitiated(context);
        this.statusCallbacks = new SessionStatusCallbacks(context, settings, workerInitiated);
    }

    /** The transition table, one line each: {@code FROM --Event [guard]--> TO (result, DialCallStatus)}. */
    public static String diagram() {
        return TRANSITIONS.diagram();
    }

    public void start() {
        fire(new Start());
    }

    public SessionState state() {
        return state;
    }

    public boolean ended() {
        return state == ENDED;
    }

    /**
     * When {@link SessionEvent.DeadlinePassed} is due: the routing timeout, the ring timeout, or the longest a call
     * may last once the parties are joined; none while the whisper runs (it ends by itself).
     */
    public Optional<Instant> deadline() {
        return state == AWAITING_WORKER || state == RINGING || state == CONNECTED ? deadline : Optional.empty();
    }

    /**
     * Takes the event, and the events its actions raise, through the table. An action that throws turns into
     * {@link Failure}; once {@link SessionState#ENDED} is reached, the exit runs.
     */
    public void fire(SessionEvent event) {
        raised.add(event);
        while (!raised.isEmpty() && state != ENDED) {
            SessionEvent next = raised.poll();
            Optional<Transitions.Transition<SessionMachine>> transition = TRANSITIONS.find(state, next, this);
            if (transition.isEmpty()) {
                context.note("session: " + name(next) + " ignored in " + state);
                continue;
            }
            take(transition.get(), next);
        }
        if (state == ENDED && !exited) {
            exited = true;
            exit();
        }
    }

    private void take(Transitions.Transition<SessionMachine> transition, SessionEvent event) {
        SessionState from = state;
        try {
            transition.action().accept(this, event);
        } catch (RuntimeException e) {
            raised.clear();
            if (event instanceof Failure) {
                context.note("session: cleaning up after a failure failed too: " + e);
                state = ENDED;
                result = Optional.of(INTERNAL_ERROR);
            } else {
                raised.add(new Failure(e));
            }
            return;
        }
        state = transition.to();
        if (transition.result().isPresent()) {
            result = transition.result();
            if (transition.dialCallStatus().isPresent()) dialCallStatus = transition.dialCallStatus();
        }
        context.note("session " + from + " --" + name(event) + "--> " + state
            + result.filter(r -> state == ENDED).map(r -> " " + r.value()).orElse(""));
    }

    // ---------------------------------------------------------------- actions

    private void lookUp(Start e) {
        raise(SessionLookup.lookUp(frontline, context, settings));
    }

    private void route(ConversationCreated e) {
        conversation = Optional.of(e.conversation());
        customer = e.customer().address();
        context.answerCaller();
        watching = Optional.of(frontline.onWorkerAdded(e.conversation().sid(), p -> context.post(new WorkerAdded())));
        deadline = Optional.of(context.now().plus(settings.routingAssignmentTimeout()));
        RoutingAttempt attempt = frontline.route(e.conversation(), e.customer());
        routing = Optional.of(attempt);
        context.note("session: " + attempt.status());
        checkWorker(new WorkerAdded());
    }

    /** A worker may be there now (added before the subscription, or just now): dial them, or keep waiting. */
    private void checkWorker(WorkerAdded e) {
        Conversation waitingOn = conversation.orElseThrow();
        WorkerAssignment assignment = frontline.workerOf(waitingOn);
        if (assignment instanceof WorkerAssignment.NoWorker) return;
        raise(SessionLookup.assigned(assignment, waitingOn, customer.orElseThrow()));
    }

    private void dial(PartyFound e) {
        conversation = Optional.of(e.conversation());
        stopWatching();
        context.answerCaller();
        String sid = context.dial(e.from(), e.to());
        dialCallSid = Optional.of(sid);
        statusCallbacks.event("call-initiated", e.conversation().sid(), sid);
        deadline = Optional.of(context.now().plus(settings.inboundTimeout()));
    }

    private void ringing(LegRinging e) {
        statusCallbacks.event("call-ringing", conversationSid(), dialCallSid.orElseThrow());
        context.legRinging();
    }

    private void whisper(LegAnswered e) {
        statusCallbacks.event("call-answered", conversationSid(), dialCallSid.orElseThrow());
        context.startWhisper();
    }

    private void answered(LegAnswered e) {
        statusCallbacks.event("call-answered", conversationSid(), dialCallSid.orElseThrow());
        bridge(e);
    }

    private void bridge(SessionEvent e) {
        context.bridge();
        deadline = Optional.of(context.now().plus(MAX_CONNECTED));
    }

    private void abandonWhisper(SessionEvent e) {
        context.stopWhisper();
        context.hangUpLeg(COMPLETED);
    }

    private void hangUpConnected(SessionEvent e) {
        context.unbridge();
        context.hangUpLeg(COMPLETED);
    }

    private void creationFailed(CreationFailed e) {
        context.alert(SessionLookup.GENERIC_ERROR, "Voice Conversation: could not create a conversation for "
            + SessionLookup.customerAddress(context) + ": " + e.errorCode() + " " + e.message());
    }

    private void invalid(InvalidConversation e) {
        context.note("session: invalid conversation: " + e.reason());
    }

    private void unusable(UnusableConversation e) {
        context.alert(e.alertCode(), e.reason());
    }

    private void noWorkerInTime(DeadlinePassed e) {
        context.alert(ConversationErrors.NO_WORKER_ASSIGNED, "Voice Conversation: no worker was assigned to "
            + conversationSid() + " within " + settings.routingAssignmentTimeout().toSeconds() + " s ("
            + routing.map(RoutingAttempt::status).orElse("no routing") + ")");
    }

    /** Something broke: alert 32500, and whatever leg there is ends (completed if it was joined, else failed). */
    private void failed(Failure e) {
        context.alert(SessionLookup.GENERIC_ERROR, "Voice Conversation: internal failure: " + e.error());
        if (dialCallSid.isEmpty()) return;
        DialCallStatus status = state == CONNECTED ? COMPLETED : FAILED;
        dialCallStatus = Optional.of(status);
        if (state == WHISPERING) context.stopWhisper();
        if (state == CONNECTED) context.unbridge();
        context.hangUpLeg(status);
    }

    // ---------------------------------------------------------------- the exit

    /**
     * The one exit: the recording stops (its callbacks go out), {@code call-completed} is reported for a dialled leg,
     * and the action request is made with {@code Result}, {@code WorkerInitiated}, the dialled leg's
     * {@code DialCallStatus}, {@code DialCallSid} and {@code DialCallDuration} (decision 8: only when a leg was
     * dialled), and the recording's parameters when there is a recording.
     */
    private void exit() {
        stopWatching();
        Params recording = new Params();
        try {
            recording = context.stopRecording();
        } catch (RuntimeException e) {
            context.alert(SessionLookup.GENERIC_ERROR, "Voice Conversation: the recording could not be made: " + e);
        }
        Params action = new Params().add("Result", result.orElseThrow().value())
            .add("WorkerInitiated", String.valueOf(workerInitiated));
        if (dialCallSid.isPresent()) {
            statusCallbacks.event("call-completed", conversationSid(), dialCallSid.get());
            action.add("DialCallStatus", dialCallStatus.orElse(FAILED).value())
                .add("DialCallSid", dialCallSid.get())
                .add("DialCallDuration", String.valueOf(context.legDuration()));
        }
        action.addAll(recording);
        context.ended(result.orElseThrow(), action);
    }

    private void stopWatching() {
        watching.ifPresent(Subscription::close);
        watching = Optional.empty();
    }

    private void raise(SessionEvent event) {
        raised.add(event);
    }

    private String conversationSid() {
        return conversation.map(Conversation::sid).orElse("");
    }

    private static String name(SessionEvent event) {
        return event.getClass().getSimpleName();
    }
}
