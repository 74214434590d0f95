package dev.parley.sim.scenario;

import dev.parley.sim.VirtualNetwork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One randomized call flow, decided entirely by its seed: the call (inbound, or outbound-api with a URL or inline
 * TwiML), how the phones behave, when the caller hangs up, how often the app fails, and the live updates sent at
 * random moments. The documents the app serves are decided later, from the same seed and each document's id
 * ({@link FlowApp}), so a flow replays from its seed alone.
 *
 * @param failPercent share of TwiML fetches that fail (500, 404, a hang, malformed TwiML, an empty body, a wrong
 *                    content type)
 * @param hangs       whether a failing fetch may hang until its timeout (in virtual time: in-process app only)
 * @param recorded    an outbound-api call recorded as a whole ({@code Record=true}), {@code dual} or mono
 */
record FlowPlan(long seed, boolean inbound, boolean http, boolean inlineTwiml, int failPercent, boolean hangs,
                boolean fallback, Optional<List<String>> statusEvents, int timeoutSeconds, Phone party,
                Optional<Duration> hangUpEarly, List<Update> updates, boolean recorded, boolean dual) {

    /** What the caller (inbound) or the called party (outbound-api) does. */
    record Phone(Behaviour behaviour, Duration after, Optional<Duration> hangUpAt, List<Press> presses,
                 List<Talk> talks) {
    }

    enum Behaviour { ANSWER, RING_FOREVER, BUSY, UNREACHABLE, REJECT }

    record Press(Duration at, String keys) {
    }

    record Talk(Duration from, Duration length) {
    }

    /** A live update sent at {@code at} after the call starts. */
    record Update(Duration at, Kind kind, int pick) {
        enum Kind {
            REDIRECT_URL, REDIRECT_INLINE, COMPLETE, CANCEL, END_DIALLED_COMPLETED, END_DIALLED_CANCELED,
            /**
             * Inline TwiML for a leg the call dialled: taken only once the leg is answered. Mostly {@link #aimed}: it
             * waits for an answered leg.
             */
            REDIRECT_DIALLED
        }

        /**
         * A leg redirect that waits (on virtual time, a while at most) until one of the call's legs is answered,
         * rather than going to whatever leg there is: at a random moment a call has seldom an answered leg to
         * redirect. The rest go at once, to a ringing leg as well (refused).
         */
        boolean aimed() {
            return kind == Kind.REDIRECT_DIALLED && pick >= 2;
        }
    }

    /**
     * Share of flows (percent) given one more update, an {@linkplain Update#aimed aimed} leg redirect (the warm
     * transfer), besides the updates of random kinds; drawn from a stream of its own, so a seed's other choices stay.
     */
    static final int LEG_REDIRECTS = 60;
    private static final long TRANSFER_STREAM = 0x7a5f_e2d1_c0b3_a495L;
    static final List<String> EVENTS = List.of("initiated", "ringing", "answered", "completed");
    private static final String KEYS = "0123456789*#";

    static FlowPlan of(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean inbound = r.nextInt(100) < 60;
        boolean http = r.nextInt(100) < 4;
        boolean inlineTwiml = !inbound && r.nextInt(100) < 20;
        int failPercent = List.of(0, 10, 30).get(r.nextInt(3));
        boolean fallback = r.nextInt(100) < 30;
        Optional<List<String>> events = r.nextInt(100) < 85 ? Optional.of(events(r, inbound)) : Optional.empty();
        int timeout = 5 + r.nextInt(56);
        Phone party = phone(r, inbound);
        Optional<Duration> early = inbound && r.nextInt(100) < 10 ? Optional.of(millis(r, 3000)) : Optional.empty();
        List<Update> updates = new ArrayList<>();
        int count = r.nextInt(100) < 45 ? 1 + r.nextInt(3) : 0;
        for (int i = 0; i < count; i++) {
            Update.Kind[] kinds = Update.Kind.values();
            updates.add(new Update(updateTime(r, inbound, party, updates), kinds[r.nextInt(kinds.length)], r.nextInt(10)));
        }
        SplittableRandom transfer = new SplittableRandom(seed ^ TRANSFER_STREAM);   // apart, as the recording's below
        if (transfer.nextInt(100) < LEG_REDIRECTS) {
            updates.add(new Update(millis(transfer, 30_000), Update.Kind.REDIRECT_DIALLED, 2 + transfer.nextInt(8)));
        }
        SplittableRandom recording = new SplittableRandom(~seed);   // apart, so the other choices stay as they were
        // Any outbound call, also one bridged up to <Dial>'s 4-hour limit: recordings are mixed in chunks on disk.
        boolean recorded = !inbound && recording.nextInt(100) < 50;
        return new FlowPlan(seed, inbound, http, inlineTwiml, failPercent, !http, fallback, events, timeout, party,
            early, List.copyOf(updates), recorded, recording.nextBoolean());
    }

    /**
     * Mostly a random moment; sometimes the instant of another update, or the instant the called party answers
     * or hangs up, where the update races them.
     */
    private static Duration updateTime(SplittableRandom r, boolean inbound, Phone party, List<Update> earlier) {
        Duration answer = answer(inbound, party);
        return switch (r.nextInt(10)) {
            case 0 -> earlier.isEmpty() ? answer : earlier.get(earlier.size() - 1).at();
            case 1 -> answer;
            case 2 -> party.hangUpAt().map(answer::plus).orElse(answer);
            default -> millis(r, 60_000);
        };
    }

    /** When the call is answered, counted from its start, if it is: at once (inbound), or when the party picks up. */
    private static Duration answer(boolean inbound, Phone party) {
        return inbound ? Duration.ZERO : VirtualNetwork.SIGNALLING_DELAY.plus(party.after());
    }

    /**
     * Whether an update falls due at the very instant the party hangs up ({@link #updateTime} aims some there): two
     * timers due at once, set by different threads (the test's setup, the phone's script on the answer), whose
     * order must not depend on which thread ran first.
     */
    boolean updateAtHangUp() {
        return party.hangUpAt().map(answer(inbound, party)::plus)
            .map(hangUp -> updates.stream().anyMatch(u -> u.at().equals(hangUp))).orElse(false);
    }

    /** A number's status callback reports {@code completed} only; an API call subscribes to any events. */
    private static List<String> events(SplittableRandom r, boolean inbound) {
        if (inbound) return List.of("completed");
        List<String> chosen = new ArrayList<>();
        for (String event : EVENTS) {
            if (r.nextInt(100) < (event.equals("completed") ? 85 : 50)) chosen.add(event);
        }
        return chosen.isEmpty() ? List.of("completed") : chosen;
    }

    static Phone phone(SplittableRandom r, boolean caller) {
        Behaviour behaviour = Behaviour.ANSWER;
        if (!caller) {
            int roll = r.nextInt(100);
            behaviour = roll < 60 ? Behaviour.ANSWER : roll < 70 ? Behaviour.RING_FOREVER : roll < 80 ? Behaviour.BUSY
                : roll < 90 ? Behaviour.UNREACHABLE : Behaviour.REJECT;
        }
        Duration after = millis(r, 15_000);
        Optional<Duration> hangUp = r.nextInt(100) < 50 ? Optional.of(millis(r, 90_000)) : Optional.empty();
        List<Press> presses = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) presses.add(new Press(millis(r, 40_000), keys(r)));
        List<Talk> talks = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) talks.add(new Talk(millis(r, 40_000), millis(r, 8000)));
        return new Phone(behaviour, after, hangUp, presses, talks);
    }

    static String keys(SplittableRandom r) {
        StringBuilder keys = new StringBuilder();
        for (int i = 1 + r.nextInt(5); i > 0; i--) keys.append(KEYS.charAt(r.nextInt(KEYS.length())));
        return keys.toString();
    }

    static Duration millis(SplittableRandom r, int bound) {
        return Duration.ofMillis(r.nextInt(bound));
    }

    /** How to run only this flow again. */
    String replay() {
        return "-Dparley.seed=" + seed;
    }

    @Override
    public String toString() {
        return "flow " + seed + ": " + (inbound ? "inbound" : "outbound-api" + (inlineTwiml ? " (inline Twiml)" : ""))
            + (http ? " over loopback HTTP" : " in-process") + ", " + failPercent + "% failing fetches"
            + (fallback ? ", fallback URL" : "") + ", status events " + statusEvents.map(Object::toString).orElse("none")
            + ", timeout " + timeoutSeconds + "s, " + party + hangUpEarly.map(d -> ", hangs up at " + d).orElse("")
            + ", updates " + updates + (recorded ? ", recorded " + (dual ? "dual" : "mono") : "");
    }
}
