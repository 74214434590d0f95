package dev.parley.sim.scenario;

import dev.parley.engine.call.Alert;
import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.Direction;
import dev.parley.engine.recording.Recording;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualPhone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What must hold after every flow, whatever happened in it. For the call and every leg it dialled: it ended with
 * one final status and is no longer live; its status callbacks (when subscribed) carry {@code SequenceNumber}
 * 0, 1, 2... with exactly one final callback, last, with the call's status and duration. Every document is
 * requested at most once and only when something pointed at it, never after the call ended nor for a verb of a
 * document a live update replaced. A {@code <Dial>} that dialled requests its action exactly once, with a
 * {@code DialCallStatus} and {@code DialCallSid} its legs bear out (with {@code sequential}, its last leg's, the
 * nouns dialled in order, one at a time); a {@code <Record>} requests its action only for a recording that exists,
 * and its recording callback agrees with what was stored; a {@code <Gather>}'s
 * action carries keys the caller pressed. Every phone has hung up, every request is signed, and the only alerts
 * are those of the failures the app was told to make.
 */
final class FlowInvariants {

    /** The failures a flow provokes: 4xx/5xx, timeouts, malformed or empty TwiML, a wrong type, failed callbacks. */
    static final Set<Integer> EXPECTED_ALERTS = Set.of(11200, 11205, 11217, 12100, 12300);
    static final Set<String> FINAL = Set.of("completed", "busy", "no-answer", "failed", "canceled");
    private static final Map<String, Integer> PROGRESS_RANK = Map.of("initiated", 0, "ringing", 1, "in-progress", 2);
    /** How a dialled leg may end, by how its phone saw the call. */
    private static final Map<PhoneCall.Status, Set<CallStatus>> DIALLED_AS = Map.of(
        PhoneCall.Status.BUSY, Set.of(CallStatus.BUSY),
        PhoneCall.Status.REJECTED, Set.of(CallStatus.BUSY),
        PhoneCall.Status.FAILED, Set.of(CallStatus.FAILED),
        PhoneCall.Status.CANCELED, Set.of(CallStatus.CANCELED, CallStatus.NO_ANSWER),
        PhoneCall.Status.HUNG_UP_BY_ME, Set.of(CallStatus.COMPLETED),
        PhoneCall.Status.HUNG_UP_BY_OTHER, Set.of(CallStatus.COMPLETED),
        PhoneCall.Status.RINGING, Set.of(),
        PhoneCall.Status.IN_PROGRESS, Set.of());

    private final FlowRunner.Outcome outcome;
    private final CallEngine engine;
    private final FlowApp app;
    private final List<AppRequest> log;
    private final List<String> violations = new ArrayList<>();

    private FlowInvariants(FlowRunner.Outcome outcome) {
        this.outcome = outcome;
        this.engine = outcome.engine();
        this.app = outcome.app();
        this.log = app.log();
    }

    /** The invariants that do not hold (empty when all do). */
    static List<String> check(FlowRunner.Outcome outcome) {
        FlowInvariants check = new FlowInvariants(outcome);
        check.all();
        return check.violations;
    }

    private void all() {
        if (!outcome.settled()) violation("the flow did not settle within the hang guard");
        Call call = outcome.call();
        List<Call> dialled = engine.calls(outcome.accountSid()).stream()
            .filter(c -> c.parentCallSid().equals(Optional.of(call.sid()))).toList();
        ended(call);
        statusCallbacks(call, outcome.plan().statusEvents().map(e -> FlowApp.STATUS), outcome.plan().statusEvents()
            .orElse(List.of()));
        for (Call leg : dialled) {
            ended(leg);
            FlowApp.TargetSpec target = app.targets.get(leg.to());
            if (target == null) {
                violation(leg.sid() + " dialled " + leg.to() + ", which no <Dial> named");
                continue;
            }
            statusCallbacks(leg, target.callbackPath(), target.events());
        }
        if (engine.liveCalls() != 0) violation(engine.liveCalls() + " calls still live");
        documents(call);
        for (FlowApp.DialSpec dial : app.dials) dial(dial, call, dialled);
        for (FlowApp.RecordSpec record : app.records.values()) record(record, call);
        wholeRecording(call);
        for (Map.Entry<String, FlowApp.GatherSpec> gather : app.gathers.entrySet()) gather(gather.getKey(), gather.getValue());
        updates(call);
        alerts(call, dialled);
        phones();
        for (AppRequest r : log) if (!r.signatureValid()) violation("bad X-Twilio-Signature on " + r.path());
    }

    /**
     * {@code Record=true}: a call never answered has no recording; an answered one exactly one {@code in-progress}
     * and one final recording callback ({@code completed}, as stored with source {@code OutboundAPI}, or
     * {@code absent}), whatever ended it; the call's final status callback names the completed recording.
     */
    private void wholeRecording(Call call) {
        if (!outcome.plan().recorded()) return;
        List<AppRequest> got = AppRequest.ofCall(AppRequest.to(log, FlowApp.WHOLE_RECORDING), call.sid());
        List<String> statuses = got.stream().map(r -> r.param("RecordingStatus")).toList();
        if (call.startTime().isEmpty()) {
            if (!got.isEmpty()) violation("a call never answered has whole-call recording callbacks " + statuses);
            return;
        }
        List<AppRequest> ends = got.stream().filter(r -> !r.param("RecordingStatus").equals("in-progress")).toList();
        if (statuses.size() != 2 || !statuses.contains("in-progress") || ends.size() != 1) {
            violation("whole-call recording callbacks " + statuses + ", expected in-progress and one end");
            return;
        }
        AppRequest end = ends.get(0);
        Optional<String> recorded = Optional.empty();
        if (end.param("RecordingStatus").equals("completed")) {
            Optional<Recording> stored = engine.recordings().recording(end.param("RecordingSid"));
            if (stored.isEmpty() || !stored.get().source().equals("OutboundAPI")
                || !String.valueOf(stored.get().durationSeconds()).equals(end.param("RecordingDuration"))
                || stored.get().channels() != (outcome.plan().dual() ? 2 : 1)) {
                violation("whole-call recording callback " + end.params() + " does not match the stored " + stored);
            }
            recorded = Optional.of(end.param("RecordingSid"));
        } else if (!end.param("RecordingStatus").equals("absent")) {
            violation("whole-call RecordingStatus=" + end.param("RecordingStatus"));
        }
        Optional<String> named = recorded;
        AppRequest.ofCall(AppRequest.to(log, FlowApp.STATUS), call.sid()).stream()
            .filter(r -> FINAL.contains(r.param("CallStatus"))).forEach(last -> {
                if (!Optional.ofNullable(last.params().get("RecordingSid")).equals(named)) {
                    violation("the final status callback names recording " + last.params().get("RecordingSid")
                        + ", the call's is " + named);
                }
            });
    }

    /** Final, not live, and {@code completed} exactly when it was answered. */
    private void ended(Call call) {
        if (!call.status().isFinal()) violation(call.sid() + " (" + call.direction().value() + ") ended " + call.status().value());
        if ((call.status() == CallStatus.COMPLETED) != call.startTime().isPresent()) {
            violation(call.sid() + " ended " + call.status().value() + ", answered " + call.startTime());
        }
        if (engine.isLive(call.sid())) violation(call.sid() + " is still live");
        if (call.endTime().isEmpty()) violation(call.sid() + " has no end time");
    }

    /** Sequence numbers 0..n-1, progress events once each and in order, exactly one final callback, last. */
    private void statusCallbacks(Call call, Optional<String> path, List<String> events) {
        if (path.isEmpty()) return;
        List<AppRequest> got = AppRequest.ofCall(AppRequest.to(log, path.get()), call.sid()).stream()
            .sorted(Comparator.comparingInt(r -> Integer.parseInt(r.param("SequenceNumber")))).toList();
        for (int i = 0; i < got.size(); i++) {
            if (!got.get(i).param("SequenceNumber").equals(String.valueOf(i))) {
                violation(call.sid() + " status callbacks have SequenceNumbers " + sequence(got));
                return;
            }
        }
        List<AppRequest> finals = got.stream().filter(r -> FINAL.contains(r.param("CallStatus"))).toList();
        int expected = events.contains("completed") ? 1 : 0;
        if (finals.size() != expected) {
            violation(call.sid() + " got " + finals.size() + " final status callbacks, subscribed " + events + ": " + sequence(got));
            return;
        }
        if (expected == 1) {
            AppRequest last = finals.get(0);
            if (last != got.get(got.size() - 1)) violation(call.sid() + " has callbacks after the final one: " + sequence(got));
            if (!last.param("CallStatus").equals(call.status().value())) {
                violation(call.sid() + " final callback says " + last.param("CallStatus") + ", the call " + call.status().value());
            }
            if (!last.param("CallDuration").equals(String.valueOf(call.duration().orElse(0L)))) {
                violation(call.sid() + " final callback CallDuration " + last.param("CallDuration") + ", the call " + call.duration());
            }
            for (AppRequest r : got) {
                if (r.at().isAfter(last.at())) violation(call.sid() + " callback " + r.param("CallStatus") + " after the final one");
            }
        }
        int rank = -1;
        for (AppRequest r : got) {
            Integer next = PROGRESS_RANK.get(r.param("CallStatus"));
            if (next == null) continue;
            String event = next == 2 ? "answered" : r.param("CallStatus");
            if (!events.contains(event)) violation(call.sid() + " got a " + event + " callback it did not subscribe to");
            if (next <= rank) violation(call.sid() + " progress callbacks out of order: " + sequence(got));
            rank = next;
            if (next == 2 && call.startTime().isEmpty()) violation(call.sid() + " reported answered, never answered");
        }
    }

    /**
     * Every TwiML request: offered, at most once, not after the call ended, and never for a verb of a document
     * that a live update (by URL) replaced. Inline documents are not fetched, so their replacement is not seen.
     */
    private void documents(Call call) {
        Set<String> seen = new HashSet<>();
        Set<String> live = new HashSet<>();
        Instant end = call.endTime().orElse(Instant.MAX);
        for (AppRequest r : AppRequest.ofCall(log, call.sid())) {
            if (!r.twiml()) continue;
            String docId = app.docId(r.path(), r.params());
            if (!seen.add(docId)) violation("document " + docId + " requested twice");
            if (!app.offered.contains(r.path())) violation(r.path() + " requested, never offered");
            if (r.at().isAfter(end)) violation(r.path() + " requested at " + r.at() + ", after the call ended at " + end);
            if (docId.startsWith("u")) {
                live.clear();
            } else {
                Optional<String> parent = FlowApp.parentDoc(docId);
                if (parent.isPresent() && !FlowApp.isInline(parent.get()) && !live.contains(parent.get())) {
                    violation(r.path() + " requested for " + parent.get() + ", which a live update had replaced");
                }
            }
            live.add(docId);
        }
    }

    /** A Dial that dialled requests its action once, after its legs ended, with what they bear out. */
    private void dial(FlowApp.DialSpec dial, Call call, List<Call> dialled) {
        List<Call> legs = dialled.stream().filter(c -> dial.targets().contains(c.to()))
            .sorted(Comparator.comparingInt(c -> dial.targets().indexOf(c.to()))).toList();
        if (dial.sequential()) oneAfterAnother(dial, legs);
        if (dial.actionPath().isEmpty()) return;
        List<AppRequest> actions = AppRequest.to(log, dial.actionPath().get());
        if (legs.isEmpty()) {
            if (!actions.isEmpty()) violation(dial.actionPath().get() + " requested by a Dial that dialled nobody");
            return;
        }
        String name = "<Dial> " + dial.actionPath().get();
        if (!dial.sequential() && legs.size() != dial.targets().size()) violation(name + " dialled " + legs.size() + " of " + dial.targets());
        if (actions.size() != 1) {
            violation(name + " requested its action " + actions.size() + " times");
            return;
        }
        AppRequest action = actions.get(0);
        List<Call> answered = legs.stream().filter(c -> c.startTime().isPresent()).toList();
        String status = action.param("DialCallStatus");
        Set<String> statuses = legs.stream().map(c -> c.status().value()).collect(Collectors.toSet());
        boolean consistent = dial.sequential()
            ? status.equals(answered.size() == 1 ? "completed" : legs.getLast().status().value()) && answered.size() <= 1
            : switch (status) {
                case "completed" -> answered.size() == 1;
                case "no-answer" -> answered.isEmpty() && statuses.contains("no-answer");
                case "busy" -> answered.isEmpty() && statuses.contains("busy") && !statuses.contains("no-answer");
                case "failed" -> answered.isEmpty() && statuses.contains("failed") && !statuses.contains("busy")
                    && !statuses.contains("no-answer");
                case "canceled" -> answered.isEmpty() && statuses.contains("canceled");
                default -> false;
            };
        if (!consistent) violation(name + " DialCallStatus=" + status + " but its legs ended " + statuses + ", answered " + answered.size());
        String expectedSid = answered.size() == 1 ? answered.get(0).sid()
            : legs.size() == 1 || dial.sequential() ? legs.getLast().sid() : "";
        if (!action.param("DialCallSid").equals(expectedSid)) {
            violation(name + " DialCallSid=" + action.param("DialCallSid") + ", expected " + expectedSid);
        }
        for (Call leg : legs) {
            if (redirected(leg)) {
                if (!status.equals("completed")) violation(name + " DialCallStatus=" + status + ", yet " + leg.sid() + " was redirected");
                continue;
            }
            if (leg.endTime().map(t -> t.isAfter(action.at())).orElse(true)) {
                violation(name + " requested its action before " + leg.sid() + " ended");
            }
        }
        if (action.at().isAfter(call.endTime().orElse(Instant.MAX))) violation(name + " action after the call ended");
    }

    /**
     * A sequential Dial dials its nouns in order, each once the one before has ended, and stops before the last only
     * at a leg that answered or was canceled (the caller gone, or the API).
     */
    private void oneAfterAnother(FlowApp.DialSpec dial, List<Call> legs) {
        String name = "<Dial sequential> of " + dial.docId();
        for (int i = 0; i < legs.size(); i++) {
            Call leg = legs.get(i);
            if (!leg.to().equals(dial.targets().get(i))) {
                violation(name + " dialled " + legs.stream().map(Call::to).toList() + " of " + dial.targets());
                return;
            }
            Optional<Instant> before = i == 0 ? Optional.of(Instant.MIN) : legs.get(i - 1).endTime();
            if (before.map(end -> leg.dateCreated().isBefore(end)).orElse(true)) {
                violation(name + " dialled " + leg.sid() + " before the leg before it ended");
            }
        }
        if (legs.isEmpty() || legs.size() == dial.targets().size()) return;
        Call last = legs.getLast();
        if (last.startTime().isEmpty() && last.status() != CallStatus.CANCELED) {
            violation(name + " stopped after " + last.sid() + ", which ended " + last.status().value());
        }
    }

    /**
     * A Record's action only for a stored recording, matching its callback; a completed recording without an
     * action only when a live redirect stopped it; after {@code Digits=hangup} nothing more runs.
     */
    private void record(FlowApp.RecordSpec record, Call call) {
        List<AppRequest> actions = AppRequest.to(log, record.actionPath());
        List<AppRequest> callbacks = AppRequest.to(log, record.callbackPath());
        String name = "<Record> " + record.actionPath();
        if (callbacks.size() > 1) violation(name + " got " + callbacks.size() + " recording callbacks");
        Optional<AppRequest> callback = callbacks.stream().findFirst();
        if (!actions.isEmpty()) {
            AppRequest action = actions.get(0);
            if (callback.isEmpty() || !callback.get().param("RecordingStatus").equals("completed")
                || !callback.get().param("RecordingSid").equals(action.param("RecordingSid"))
                || !callback.get().param("RecordingDuration").equals(action.param("RecordingDuration"))) {
                violation(name + " action " + action.params() + " does not match its recording callback " + callback.map(AppRequest::params));
            }
            if (action.param("Digits").equals("hangup")) {
                List<AppRequest> twiml = AppRequest.ofCall(log, call.sid()).stream().filter(AppRequest::twiml).toList();
                if (twiml.indexOf(action) != twiml.size() - 1) violation(name + " Digits=hangup, yet TwiML was requested after it");
            }
        }
        if (callback.isEmpty()) return;
        AppRequest cb = callback.get();
        Optional<Recording> stored = engine.recordings().recording(cb.param("RecordingSid"));
        switch (cb.param("RecordingStatus")) {
            case "completed" -> {
                if (stored.isEmpty() || !String.valueOf(stored.get().durationSeconds()).equals(cb.param("RecordingDuration"))) {
                    violation(name + " callback " + cb.params() + " does not match the stored recording " + stored);
                } else if (actions.isEmpty() && !redirectedAt(stored.get().dateCreated())) {
                    violation(name + " made a recording and requested no action, and no redirect stopped it");
                }
            }
            case "absent" -> {
                if (stored.isPresent()) violation(name + " reported absent, yet " + stored.get().sid() + " is stored");
                if (!actions.isEmpty()) violation(name + " requested its action for an absent recording");
            }
            default -> violation(name + " RecordingStatus=" + cb.param("RecordingStatus"));
        }
    }

    private boolean redirectedAt(Instant at) {
        return outcome.updates().stream().anyMatch(u -> u.accepted() && u.at().equals(at)
            && (u.update().kind() == FlowPlan.Update.Kind.REDIRECT_URL || u.update().kind() == FlowPlan.Update.Kind.REDIRECT_INLINE));
    }

    /** A Gather's action carries keys the caller pressed, or nothing only with actionOnEmptyResult. */
    private void gather(String path, FlowApp.GatherSpec gather) {
        for (AppRequest action : AppRequest.to(log, path)) {
            String digits = action.param("Digits");
            String pressed = outcome.party().flatMap(VirtualPhone::lastCall).map(PhoneCall::pressed).orElse("");
            if (digits.isEmpty() && !gather.actionOnEmptyResult()) violation("<Gather> " + path + " requested its action without digits");
            for (char key : digits.toCharArray()) {
                if (pressed.indexOf(key) < 0) violation("<Gather> " + path + " Digits=" + digits + ", the caller pressed " + pressed);
            }
            String finished = action.param("FinishedOnKey");
            if (!finished.isEmpty() && !gather.finishOnKey().equals(finished)) {
                violation("<Gather> " + path + " FinishedOnKey=" + finished + ", finishOnKey=" + gather.finishOnKey());
            }
        }
    }

    /** Whether a live update redirected the leg out of its verb (it then outlives the verb's action). */
    private boolean redirected(Call leg) {
        return outcome.updates().stream().anyMatch(u -> u.accepted() && u.callSid().equals(leg.sid())
            && u.update().kind() == FlowPlan.Update.Kind.REDIRECT_DIALLED);
    }

    /**
     * {@code canceled} taken only before the answer, and refused only after it (or after the end). A leg is
     * redirected only once answered, and is refused only when not answered yet or over (at that very instant a race
     * may go either way).
     */
    private void updates(Call call) {
        for (FlowRunner.SentUpdate sent : outcome.updates()) {
            if (sent.update().kind() == FlowPlan.Update.Kind.REDIRECT_DIALLED && !sent.callSid().isEmpty()) {
                Call leg = engine.call(sent.callSid()).orElseThrow();
                boolean answeredBefore = leg.startTime().map(t -> t.isBefore(sent.at())).orElse(false);
                boolean endedAfter = leg.endTime().map(t -> t.isAfter(sent.at())).orElse(true);
                if (sent.accepted() && leg.startTime().map(t -> t.isAfter(sent.at())).orElse(true)) {
                    violation("the redirect of " + leg.sid() + " at " + sent.at() + " was taken before it was answered");
                }
                if (!sent.accepted() && answeredBefore && endedAfter && !call.endTime().map(t -> !t.isAfter(sent.at())).orElse(false)) {
                    violation("the redirect of " + leg.sid() + " at " + sent.at() + " was refused while it was in progress");
                }
            }
        }
        for (FlowRunner.SentUpdate sent : outcome.updates()) {
            if (sent.update().kind() != FlowPlan.Update.Kind.CANCEL) continue;
            boolean answeredBefore = call.startTime().map(t -> !t.isAfter(sent.at())).orElse(false);
            boolean endedBefore = call.endTime().map(t -> !t.isAfter(sent.at())).orElse(false);
            if (sent.accepted() && call.startTime().isPresent()) violation("canceled at " + sent.at() + " was taken, yet the call was answered");
            if (!sent.accepted() && !answeredBefore && !endedBefore) violation("canceled at " + sent.at() + " was refused before the answer");
        }
    }

    private void alerts(Call call, List<Call> dialled) {
        List<Call> all = new ArrayList<>(dialled);
        all.add(call);
        for (Call c : all) {
            for (Alert alert : engine.alertsOf(c.sid())) {
                if (!EXPECTED_ALERTS.contains(alert.errorCode())) {
                    violation("alert " + alert.errorCode() + " on " + c.sid() + ": " + alert.alertText());
                }
            }
        }
    }

    /** Every phone has hung up; each leg was answered and ended when its phone says. */
    private void phones() {
        for (VirtualPhone phone : outcome.network().phones()) {
            for (PhoneCall c : phone.calls()) {
                if (!c.status().isFinal()) violation(phone.address() + " is still on " + c.callSid() + " (" + c.status() + ")");
                engine.call(c.callSid()).ifPresent(call -> sameAsThePhone(call, c));
            }
        }
    }

    private void sameAsThePhone(Call call, PhoneCall phone) {
        if (call.startTime().isPresent() != phone.answered() && call.status() != CallStatus.CANCELED) {
            violation(call.sid() + " answered " + call.startTime() + ", its phone " + phone.answeredAt());
        }
        if (!call.endTime().equals(phone.endedAt())) {
            violation(call.sid() + " ended " + call.endTime() + ", its phone " + phone.endedAt() + " (" + phone.status() + ")");
        }
        if (call.direction() == Direction.OUTBOUND_DIAL && !DIALLED_AS.get(phone.status()).contains(call.status())) {
            violation(call.sid() + " ended " + call.status().value() + ", its phone " + phone.status());
        }
    }

    private static String sequence(List<AppRequest> callbacks) {
        return callbacks.stream().map(r -> r.param("SequenceNumber") + ":" + r.param("CallStatus")).toList().toString();
    }

    private void violation(String text) {
        violations.add(text);
    }
}
