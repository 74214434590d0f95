package dev.parley.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A phone on the {@link VirtualNetwork}: an address, how it meets incoming calls, a script of what it does during
 * a call, and a log of its calls and of everything it heard. Get one from {@link VirtualNetwork#phone(String)}.
 *
 * <p><b>Incoming calls</b> (Parley dials the phone): the phone sees the call {@link VirtualNetwork#SIGNALLING_DELAY}
 * after the dial, then rings and answers after a while ({@link #answerAfter}, the default: one second), rings
 * until Parley gives up ({@link #ringForever}), is {@link #busy}, {@link #unreachable}, or refuses the call
 * ({@link #reject}, {@link #rejectAfter}). The setting applies to the calls that reach the phone after it is made.
 *
 * <p><b>Script</b>: {@link #pressDigitsAt}, {@link #hangupAt} and {@link #talk} run on every call of the phone,
 * incoming or outgoing, at times counted from the moment the call is answered (by this phone, or by Parley for
 * a call this phone made). Keys are pressed {@link VirtualNetwork#KEY_INTERVAL} apart; {@code w} waits
 * {@link VirtualNetwork#PAUSE}.
 *
 * <p><b>Now</b>: {@link #call}, {@link #answer}, {@link #decline}, {@link #press}, {@link #talkNow} and
 * {@link #hangup} act at once on the phone's latest call in the state they need; they throw
 * {@link IllegalStateException} when there is none.
 *
 * <p>Thread-safe. Reading methods ({@link #calls}, {@link #heard}, ...) take no lock, so they may be used in a
 * {@code VirtualClock.await} condition.
 */
public final class VirtualPhone {

    /** How the phone meets an incoming call. */
    record Incoming(Kind kind, Duration after) {
        enum Kind { ANSWER, RING_FOREVER, BUSY, UNREACHABLE, REJECT }
    }

    /** A scripted action, at a time counted from the answer. */
    sealed interface Action {
        Duration at();
    }

    record Press(Duration at, String keys) implements Action {
    }

    record HangUp(Duration at) implements Action {
    }

    record Talk(Duration at, Duration length) implements Action {
    }

    /** The default: answer one second after it starts ringing. */
    public static final Duration DEFAULT_ANSWER_AFTER = Duration.ofSeconds(1);

    private final VirtualNetwork network;
    private final String address;
    private final double toneHz;

    // guarded by network.lock
    Incoming incoming = new Incoming(Incoming.Kind.ANSWER, DEFAULT_ANSWER_AFTER);
    final List<Action> script = new ArrayList<>();

    /** The phone's calls in the order it saw them; written under network.lock, read without. */
    final CopyOnWriteArrayList<Leg> legs = new CopyOnWriteArrayList<>();
    final CopyOnWriteArrayList<Heard> heardLog = new CopyOnWriteArrayList<>();

    VirtualPhone(VirtualNetwork network, String address) {
        this.network = network;
        this.address = address;
        this.toneHz = Tone.frequencyOf(address);
    }

    public String address() {
        return address;
    }

    /** The frequency of the tone this phone sends while it talks (what recordings of it contain). */
    public double toneHz() {
        return toneHz;
    }

    // ---- incoming calls

    /** Rings, then answers {@code after} the ringing starts (zero: answers at once). */
    public VirtualPhone answerAfter(Duration after) {
        return incoming(new Incoming(Incoming.Kind.ANSWER, nonNegative(after)));
    }

    /** Rings until Parley hangs up (or until {@link #answer()} / {@link #decline()} is called). */
    public VirtualPhone ringForever() {
        return incoming(new Incoming(Incoming.Kind.RING_FOREVER, Duration.ZERO));
    }

    /** Answers every call busy (Parley gets {@code Busy}). */
    public VirtualPhone busy() {
        return incoming(new Incoming(Incoming.Kind.BUSY, Duration.ZERO));
    }

    /** Cannot be reached (Parley gets {@code Failed}). */
    public VirtualPhone unreachable() {
        return incoming(new Incoming(Incoming.Kind.UNREACHABLE, Duration.ZERO));
    }

    /** Refuses every call without ringing (Parley gets {@code Declined}). */
    public VirtualPhone reject() {
        return incoming(new Incoming(Incoming.Kind.REJECT, Duration.ZERO));
    }

    /** Rings, then refuses the call {@code after} the ringing starts (Parley gets {@code Ringing}, then {@code Declined}). */
    public VirtualPhone rejectAfter(Duration after) {
        return incoming(new Incoming(Incoming.Kind.REJECT, nonNegative(after)));
    }

    // ---- script

    /** Presses keys (0-9, *, #, A-D; w waits half a second) {@code afterAnswer}, one every 100 ms. */
    public VirtualPhone pressDigitsAt(Duration afterAnswer, String digits) {
        Party.checkKeys(digits);
        return scripted(new Press(nonNegative(afterAnswer), digits));
    }

    /** Hangs up {@code afterAnswer}. */
    public VirtualPhone hangupAt(Duration afterAnswer) {
        return scripted(new HangUp(nonNegative(afterAnswer)));
    }

    /** Talks (sends its tone) from {@code from} after the answer, for {@code length}. */
    public VirtualPhone talk(Duration from, Duration length) {
        return scripted(new Talk(nonNegative(from), nonNegative(length)));
    }

    /** Forgets the script (for calls answered from now on). */
    public VirtualPhone clearScript() {
        network.lock().lock();
        try {
            script.clear();
        } finally {
            network.lock().unlock();
        }
        return this;
    }

    // ---- now

    /**
     * Calls Parley: the call arrives at the network's {@code CallArrivals} from this phone's address. Returns
     * the new leg's CallSid, or empty when nothing at Parley answers to {@code to} (the call is logged as
     * {@link PhoneCall.Status#FAILED}). The call then rings until Parley answers or rejects it.
     */
    public Optional<String> call(String to) {
        return call(to, Map.of());
    }

    /**
     * Calls Parley with parameters, as a Voice SDK client's {@code connect(params)} sends them: the call's first
     * webhook carries them (a Frontline worker's app sends {@code ConversationSid}, DESIGN.md decision 3).
     */
    public Optional<String> call(String to, Map<String, String> parameters) {
        return network.call(this, Objects.requireNonNull(to, "to"), Map.copyOf(parameters));
    }

    /** Answers the latest incoming call that is ringing. */
    public void answer() {
        network.phoneAnswer(this);
    }

    /** Refuses the latest incoming call that is ringing (Parley gets {@code Declined}). */
    public void decline() {
        network.phoneDecline(this);
    }

    /** Presses keys on the latest answered call: the first now, the next ones 100 ms apart. */
    public void press(String digits) {
        Party.checkKeys(digits);
        network.phonePress(this, digits);
    }

    /** Talks on the latest answered call, from now for {@code length}. */
    public void talkNow(Duration length) {
        network.phoneTalk(this, nonNegative(length));
    }

    /**
     * Hangs up the latest call still going. A ringing incoming call is declined; a ringing outgoing call is
     * cancelled; an answered call is ended. Parley gets {@code Declined} or {@code HungUp}.
     */
    public void hangup() {
        network.phoneHangup(this);
    }

    // ---- reading

    /** The calls of this phone, in the order it saw them. */
    public List<PhoneCall> calls() {
        List<PhoneCall> calls = new ArrayList<>(legs.size());
        for (Leg leg : legs) {
            PhoneCall snapshot = leg.snapshot;
            if (snapshot != null) calls.add(snapshot);
        }
        return List.copyOf(calls);
    }

    /** The latest call of this phone. */
    public Optional<PhoneCall> lastCall() {
        List<PhoneCall> calls = calls();
        return calls.isEmpty() ? Optional.empty() : Optional.of(calls.getLast());
    }

    /** The call with the given CallSid. */
    public Optional<PhoneCall> callWithSid(String callSid) {
        return calls().stream().filter(c -> c.callSid().equals(callSid)).findFirst();
    }

    /** Everything this phone heard, on all its calls, in order. */
    public List<Heard> heard() {
        return List.copyOf(heardLog);
    }

    /** The texts spoken to this phone, on all its calls, in order. */
    public List<String> saidTexts() {
        return heardLog.stream().filter(h -> h.kind() == Heard.Kind.SAY).map(Heard::text).toList();
    }

    @Override
    public String toString() {
        return "VirtualPhone[" + address + "]";
    }

    // ---- internals

    /** The latest call matching (network.lock held). */
    Optional<Leg> latest(Predicate<Leg> which) {
        for (int i = legs.size() - 1; i >= 0; i--) {
            Leg leg = legs.get(i);
            if (which.test(leg)) return Optional.of(leg);
        }
        return Optional.empty();
    }

    private VirtualPhone incoming(Incoming how) {
        network.lock().lock();
        try {
            incoming = how;
        } finally {
            network.lock().unlock();
        }
        return this;
    }

    private VirtualPhone scripted(Action action) {
        network.lock().lock();
        try {
            script.add(action);
        } finally {
            network.lock().unlock();
        }
        return this;
    }

    private static Duration nonNegative(Duration d) {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative()) throw new IllegalArgumentException("negative duration: " + d);
        return d;
    }
}
