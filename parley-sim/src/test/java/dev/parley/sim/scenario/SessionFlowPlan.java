package dev.parley.sim.scenario;

import dev.parley.sim.VirtualNetwork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One randomized {@code <Connect><Conversation>} flow, decided entirely by its seed: whose call it is and what the
 * conversations hold ({@link Setup}), how routing answers, how the caller and the dialled party behave (the phones
 * of {@link FlowPlan}'s generator: they answer late or never, are busy, fail, refuse, hang up and talk at random),
 * the session's attributes (timeouts, whisper, recording, status callbacks, action), how often the app fails, and a
 * live update at a random moment.
 */
record SessionFlowPlan(long seed, Setup setup, RoutingPlan routing, int routeAfterSeconds, FlowPlan.Phone caller,
                       FlowPlan.Phone dialled, WhisperPlan whisper, String record, boolean trim, boolean action,
                       boolean before, boolean after, List<String> statusEvents, int inboundTimeout,
                       int routingAssignmentTimeout, int failPercent, Optional<Update> update) {

    /** Whose call, and what the conversations hold for it. */
    enum Setup {
        /** The customer's conversation has a worker. */
        EXISTING,
        /** The customer's conversation has no worker (32504). */
        NO_WORKER,
        /** The customer's conversation's worker is deactivated (32505). */
        UNUSABLE_WORKER,
        /** The customer has no conversation; autocreation on, routing as planned. */
        NEW,
        /** The customer has no conversation; autocreation off. */
        NO_AUTOCREATE,
        /** The caller cannot be a participant ({@code anonymous}). */
        ANONYMOUS,
        /** The worker calls about the customer's conversation. */
        WORKER_CALL,
        /** The worker calls about a conversation that does not exist. */
        WORKER_CALL_INVALID,
        /** {@code serviceInstanceSid} names no service of the account. */
        UNKNOWN_SERVICE
    }

    /** Routing of a new conversation; {@code CUSTOM_STRANGER} adds someone who is no Frontline user (32505). */
    enum RoutingPlan { NONE, POOL, POOL_NOBODY, CUSTOM, CUSTOM_STRANGER }

    enum WhisperPlan { NONE, SAY, HANGUP, FAIL, SCREEN }

    /** A live update at {@code at} after the call starts. */
    record Update(Duration at, Kind kind) {
        enum Kind { COMPLETE_CALL, REDIRECT_CALL, COMPLETE_LEG, CANCEL_LEG }
    }

    static final List<String> RECORD = List.of("do-not-record", "record-from-answer", "record-from-ringing",
        "record-from-answer-dual", "record-from-ringing-dual", "true", "false");
    static final Duration LONGEST_CALL = Duration.ofMinutes(2);
    static final List<String> EVENTS = List.of("call-initiated", "call-ringing", "call-answered", "call-completed");

    static SessionFlowPlan of(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Setup[] setups = Setup.values();
        int roll = r.nextInt(100);
        Setup setup = roll < 35 ? Setup.EXISTING : roll < 55 ? Setup.NEW : roll < 75 ? Setup.WORKER_CALL
            : setups[r.nextInt(setups.length)];
        RoutingPlan routing = RoutingPlan.values()[r.nextInt(RoutingPlan.values().length)];
        int routeAfter = r.nextInt(100) < 20 ? -1 : r.nextInt(9);
        FlowPlan.Phone caller = hangsUpInTheEnd(FlowPlan.phone(r, true));
        FlowPlan.Phone dialled = FlowPlan.phone(r, false);
        WhisperPlan whisper = r.nextInt(100) < 60 ? WhisperPlan.NONE : WhisperPlan.values()[1 + r.nextInt(4)];
        String record = RECORD.get(r.nextInt(RECORD.size()));
        List<String> events = new ArrayList<>();
        for (String event : EVENTS) if (r.nextBoolean()) events.add(event);
        Optional<Update> update = Optional.empty();
        if (r.nextInt(100) < 30) {
            Update.Kind[] kinds = Update.Kind.values();
            update = Optional.of(new Update(updateTime(r, dialled), kinds[r.nextInt(kinds.length)]));
        }
        return new SessionFlowPlan(seed, setup, routing, routeAfter, caller, dialled, whisper, record, r.nextBoolean(),
            r.nextInt(100) < 80, r.nextInt(100) < 20, r.nextInt(100) < 30, List.copyOf(events), 2 + r.nextInt(29),
            1 + r.nextInt(8), List.of(0, 10, 30).get(r.nextInt(3)), update);
    }

    /**
     * Mostly a random moment; sometimes just after the dialled party answers (during a whisper, or just after the
     * parties are joined), where the update races the session's own steps.
     */
    private static Duration updateTime(SplittableRandom r, FlowPlan.Phone dialled) {
        return r.nextInt(4) == 0 ? VirtualNetwork.SIGNALLING_DELAY.plus(dialled.after()).plus(FlowPlan.millis(r, 1500))
            : FlowPlan.millis(r, 40_000);
    }

    /**
     * A caller who would never hang up hangs up after {@link #LONGEST_CALL}: otherwise a session whose parties are
     * joined lasts Twilio's four hours, recorded.
     */
    private static FlowPlan.Phone hangsUpInTheEnd(FlowPlan.Phone phone) {
        return phone.hangUpAt().isPresent() ? phone : new FlowPlan.Phone(phone.behaviour(), phone.after(),
            Optional.of(LONGEST_CALL), phone.presses(), phone.talks());
    }

    boolean workerCall() {
        return setup == Setup.WORKER_CALL || setup == Setup.WORKER_CALL_INVALID;
    }

    /** How to run only this flow again. */
    String replay() {
        return "-Dparley.seed=" + seed;
    }

    @Override
    public String toString() {
        return "session flow " + seed + ": " + setup + (setup == Setup.NEW ? " routing " + routing + " after "
            + routeAfterSeconds + "s" : "") + ", caller " + caller + ", dialled " + dialled + ", whisper " + whisper
            + ", record " + record + (trim ? " trimmed" : "") + (action ? ", action" : ", no action")
            + ", events " + statusEvents + ", inboundTimeout " + inboundTimeout + ", routingAssignmentTimeout "
            + routingAssignmentTimeout + ", " + failPercent + "% failing, update " + update;
    }
}
