package dev.parley.sim.scenario;

import dev.parley.engine.call.Alert;
import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.recording.Recording;
import dev.parley.sim.PhoneCall;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What must hold after every randomized {@code <Connect><Conversation>} flow. Every call and leg ended once and no
 * phone is still on a call; every request is signed. A session that started requests its action exactly once (none
 * without {@code action}), with the {@code Result} its setup leads to and {@code WorkerInitiated} of the caller;
 * {@code DialCall*} only when it dialled its one leg, and a {@code DialCallStatus} that leg and the phones bear out.
 * Status callbacks come only for a dialled leg, each subscribed event at most once, in order, numbered from 1, with
 * {@code call-completed} exactly once when subscribed. A recording named in the action is stored with the channels its
 * mode says and was reported {@code completed} once. The only alerts are those of the setup and of the app's failures.
 */
final class SessionFlowInvariants {

    /** Alerts any flow may raise: the app's failing webhooks and status callbacks. */
    static final Set<Integer> FAILURE_ALERTS = Set.of(11200, 11205, 11217, 32503);
    static final Set<String> INCOMPLETE = Set.of("busy", "no-answer", "failed", "canceled");
    private static final Map<String, Integer> EVENT_RANK = Map.of("call-initiated", 0, "call-ringing", 1,
        "call-answered", 2, "call-completed", 3);

    private final SessionFlowRunner.Outcome outcome;
    private final SessionFlowPlan plan;
    private final CallEngine engine;
    private final List<AppRequest> log;
    private final List<String> violations = new ArrayList<>();

    private SessionFlowInvariants(SessionFlowRunner.Outcome outcome) {
        this.outcome = outcome;
        this.plan = outcome.plan();
        this.engine = outcome.engine();
        this.log = outcome.app().log();
    }

    static List<String> check(SessionFlowRunner.Outcome outcome) {
        SessionFlowInvariants check = new SessionFlowInvariants(outcome);
        check.all();
        return check.violations;
    }

    private void all() {
        if (!outcome.settled()) violation("the flow did not settle within the hang guard");
        Call call = outcome.call();
        List<Call> legs = engine.calls(outcome.accountSid()).stream()
            .filter(c -> c.parentCallSid().equals(Optional.of(call.sid()))).toList();
        ended(call);
        legs.forEach(this::ended);
        if (legs.size() > 1) violation("the session dialled " + legs.size() + " legs");
        Optional<Call> leg = legs.stream().findFirst();
        if (engine.liveCalls() != 0) violation(engine.liveCalls() + " calls still live");
        for (AppRequest r : log) if (!r.signatureValid()) violation("bad X-Twilio-Signature on " + r.path());
        phones();
        boolean started = engine.timeline().entries().stream()
            .anyMatch(e -> e.callSid().equals(call.sid()) && e.kind().equals("session"));
        if (!started && !callerLeftEarly(call)) violation("the session never started, and nothing stopped it");
        List<AppRequest> actions = AppRequest.to(log, "/t/a");
        int expected = started && plan.action() ? 1 : 0;
        if (actions.size() != expected) {
            violation("the action was requested " + actions.size() + " times, expected " + expected);
        } else if (expected == 1) {
            action(actions.get(0), call, leg);
        }
        statusCallbacks(leg);
        alerts(call, leg, actions.stream().findFirst().map(a -> a.param("Result")));
    }

    private void ended(Call call) {
        if (!call.status().isFinal()) violation(call.sid() + " ended " + call.status().value());
        if (engine.isLive(call.sid())) violation(call.sid() + " is still live");
        if (call.endTime().isEmpty()) violation(call.sid() + " has no end time");
    }

    /** The caller hung up or an update ended or redirected the call: a session that never started is fine then. */
    private boolean callerLeftEarly(Call call) {
        return outcome.update().filter(u -> u.accepted() && (u.update().kind() == SessionFlowPlan.Update.Kind.COMPLETE_CALL
            || u.update().kind() == SessionFlowPlan.Update.Kind.REDIRECT_CALL)).isPresent()
            || outcome.caller().lastCall().map(c -> c.status() == PhoneCall.Status.HUNG_UP_BY_ME).orElse(false);
    }

    private void phones() {
        for (var phone : outcome.network().phones()) {
            for (PhoneCall c : phone.calls()) {
                if (!c.status().isFinal()) violation(phone.address() + " is still on " + c.callSid() + " (" + c.status() + ")");
            }
        }
    }

    /** The one action request: its Result for the setup, WorkerInitiated, DialCall* and recording parameters. */
    private void action(AppRequest action, Call call, Optional<Call> leg) {
        String result = action.param("Result");
        Set<String> allowed = allowedResults();
        if (!allowed.contains(result)) violation("Result=" + result + ", expected one of " + allowed);
        if (!action.param("WorkerInitiated").equals(String.valueOf(plan.workerCall()))) {
            violation("WorkerInitiated=" + action.param("WorkerInitiated"));
        }
        if (leg.isEmpty()) {
            for (String name : List.of("DialCallStatus", "DialCallSid", "DialCallDuration")) {
                if (action.params().containsKey(name)) violation(name + " sent, yet no leg was dialled");
            }
            if (Set.of("session-success", "dialed-call-incomplete").contains(result)) violation(result + " without a leg");
        } else {
            dialled(action, leg.get(), result);
        }
        if (action.at().isAfter(call.endTime().orElse(action.at()))) violation("the action came after the call ended");
        recording(action);
    }

    /** The Results the plan's setup can lead to (timing decides among them). */
    private Set<String> allowedResults() {
        return switch (plan.setup()) {
            case UNKNOWN_SERVICE, NO_WORKER, UNUSABLE_WORKER -> Set.of("internal-error");
            case NO_AUTOCREATE -> Set.of("no-existing-conversation");
            case ANONYMOUS -> Set.of("failed-create-conversation");
            case WORKER_CALL_INVALID -> Set.of("invalid-conversation");
            case EXISTING, WORKER_CALL -> Set.of("session-success", "dialed-call-incomplete");
            case NEW -> !workerCanCome() ? Set.of("no-other-participants")
                : plan.routing() == SessionFlowPlan.RoutingPlan.CUSTOM_STRANGER ? Set.of("internal-error", "no-other-participants")
                : Set.of("session-success", "dialed-call-incomplete", "no-other-participants");
        };
    }

    /** Whether routing can give the new conversation a worker by the timeout. */
    private boolean workerCanCome() {
        return switch (plan.routing()) {
            case POOL -> true;
            case NONE, POOL_NOBODY -> false;
            case CUSTOM, CUSTOM_STRANGER -> plan.routeAfterSeconds() >= 0
                && plan.routeAfterSeconds() <= plan.routingAssignmentTimeout(); // at the deadline itself, either wins
        };
    }

    /** DialCallSid, DialCallDuration and DialCallStatus against the leg, the phones and the Result. */
    private void dialled(AppRequest action, Call leg, String result) {
        String status = action.param("DialCallStatus");
        if (!action.param("DialCallSid").equals(leg.sid())) violation("DialCallSid=" + action.param("DialCallSid"));
        if (!action.param("DialCallDuration").equals(String.valueOf(leg.duration().orElse(-1L)))) {
            violation("DialCallDuration=" + action.param("DialCallDuration") + ", the leg " + leg.duration());
        }
        if (leg.endTime().map(t -> t.isAfter(action.at())).orElse(true)) violation("the action came before the leg ended");
        boolean connected = outcome.caller().lastCall().map(c -> !c.connections().isEmpty()).orElse(false);
        switch (result) {
            case "session-success" -> {
                if (!status.equals("completed")) violation("session-success with DialCallStatus=" + status);
                if (!connected) violation("session-success, yet the caller was never connected");
                if (leg.status() != CallStatus.COMPLETED) violation("session-success, the leg ended " + leg.status().value());
            }
            case "dialed-call-incomplete" -> {
                if (!INCOMPLETE.contains(status)) violation("dialed-call-incomplete with DialCallStatus=" + status);
                if (connected) violation("dialed-call-incomplete, yet the caller was connected");
                boolean legAgrees = switch (status) {
                    case "busy" -> leg.status() == CallStatus.BUSY;
                    case "failed" -> leg.status() == CallStatus.FAILED;
                    case "no-answer" -> leg.status() == CallStatus.NO_ANSWER
                        || (leg.status() == CallStatus.COMPLETED && plan.whisper() != SessionFlowPlan.WhisperPlan.NONE);
                    case "canceled" -> leg.status() == CallStatus.CANCELED || leg.status() == CallStatus.COMPLETED;
                    default -> false;
                };
                if (!legAgrees) violation("DialCallStatus=" + status + ", the leg ended " + leg.status().value());
                if (status.equals("no-answer") && leg.status() == CallStatus.NO_ANSWER
                    && !leg.endTime().orElseThrow().equals(leg.dateCreated().plusSeconds(plan.inboundTimeout()))) {
                    violation("no-answer at " + leg.endTime() + ", not inboundTimeout after the dial at " + leg.dateCreated());
                }
            }
            default -> violation(result + " after dialling " + leg.sid());
        }
    }

    /** A recording the action names is stored, with the mode's channels, and reported completed once. */
    private void recording(AppRequest action) {
        String sid = action.param("RecordingSid");
        boolean records = !Set.of("do-not-record", "false").contains(plan.record());
        if (sid.isEmpty()) return;
        if (!records) violation("RecordingSid=" + sid + " with record=" + plan.record());
        Optional<Recording> stored = engine.recordings().recording(sid);
        if (stored.isEmpty()) {
            violation("RecordingSid=" + sid + " is not stored");
            return;
        }
        int channels = plan.record().endsWith("-dual") ? 2 : 1;
        if (stored.get().channels() != channels) violation(sid + " has " + stored.get().channels() + " channels");
        if (!action.param("RecordingDuration").equals(String.valueOf(stored.get().durationSeconds()))) {
            violation("RecordingDuration=" + action.param("RecordingDuration") + ", stored " + stored.get().durationSeconds());
        }
        List<AppRequest> completed = AppRequest.to(log, "/cb/r").stream()
            .filter(r -> r.param("RecordingSid").equals(sid) && r.param("RecordingStatus").equals("completed")).toList();
        if (completed.size() != 1) violation(sid + " reported completed " + completed.size() + " times");
    }

    private void statusCallbacks(Optional<Call> leg) {
        List<AppRequest> got = AppRequest.to(log, "/cb/s").stream()
            .sorted(Comparator.comparingInt(r -> Integer.parseInt(r.param("SequenceNumber")))).toList();
        if (leg.isEmpty() || plan.statusEvents().isEmpty()) {
            if (!got.isEmpty()) violation(got.size() + " status callbacks without a dialled leg or a subscription");
            return;
        }
        Set<String> seen = new HashSet<>();
        int rank = -1;
        for (int i = 0; i < got.size(); i++) {
            AppRequest r = got.get(i);
            String status = r.param("Status");
            if (!r.param("SequenceNumber").equals(String.valueOf(i + 1))) violation("SequenceNumbers " + sequence(got));
            if (!plan.statusEvents().contains(status)) violation(status + " sent, not subscribed");
            if (!seen.add(status)) violation(status + " sent twice");
            int next = EVENT_RANK.getOrDefault(status, -1);
            if (next <= rank) violation("status callbacks out of order: " + sequence(got));
            rank = next;
            if (!r.param("DialCallSid").equals(leg.get().sid())) violation(status + " DialCallSid=" + r.param("DialCallSid"));
            if (!r.param("CallbackSource").equals("voice-conversation-service")) violation(status + " CallbackSource");
            if (!r.param("WorkerInitiated").equals(String.valueOf(plan.workerCall()))) violation(status + " WorkerInitiated");
            if (status.equals("call-answered") && leg.get().startTime().isEmpty()) violation("call-answered, never answered");
        }
        if (plan.statusEvents().contains("call-completed") != seen.contains("call-completed")) {
            violation("call-completed " + (seen.contains("call-completed") ? "sent, not subscribed" : "missing") + ": "
                + sequence(got));
        }
        if (plan.statusEvents().contains("call-initiated") && !seen.contains("call-initiated")) violation("call-initiated missing");
    }

    /** The setup's own alert when the session reached that Result, and otherwise only the failures' alerts. */
    private void alerts(Call call, Optional<Call> leg, Optional<String> result) {
        Set<Integer> allowed = new HashSet<>(FAILURE_ALERTS);
        switch (plan.setup()) {
            case UNKNOWN_SERVICE, ANONYMOUS -> allowed.add(32500);
            case NO_WORKER -> allowed.add(32504);
            case UNUSABLE_WORKER -> allowed.add(32505);
            case NEW -> allowed.addAll(Set.of(32505, 32506));
            default -> { }
        }
        List<Alert> all = new ArrayList<>(engine.alertsOf(call.sid()));
        leg.ifPresent(l -> all.addAll(engine.alertsOf(l.sid())));
        for (Alert alert : all) {
            if (!allowed.contains(alert.errorCode())) violation("alert " + alert.errorCode() + ": " + alert.alertText());
        }
        if (result.filter(r -> r.equals("internal-error")).isPresent()
            && all.stream().noneMatch(a -> Set.of(32500, 32504, 32505).contains(a.errorCode()))) {
            violation("internal-error without its alert");
        }
    }

    private static String sequence(List<AppRequest> callbacks) {
        return callbacks.stream().map(r -> r.param("SequenceNumber") + ":" + r.param("Status")).toList().toString();
    }

    private void violation(String text) {
        violations.add(text);
    }
}
