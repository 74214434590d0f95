package dev.parley.sim;

import dev.parley.engine.clock.Clock;
import dev.parley.engine.telephony.CallArrivals;
import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.telephony.LegListener;
import dev.parley.engine.telephony.RecordedAudio;
import dev.parley.engine.telephony.Track;
import dev.parley.engine.telephony.Telephony;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The in-process telephony network: {@link VirtualPhone}s by address ({@code +15551230001},
 * {@code client:alice}) and the legs between them and Parley. All timing goes through the {@link Clock}, so on
 * a {@code VirtualClock} a 60-second ring takes as long as the code around it.
 *
 * <p><b>Timing.</b> Signalling answers {@link #SIGNALLING_DELAY} after a dial (ringing, busy, failed, declined;
 * a dial to an address without a phone fails then). Media lasts: say {@link #SAY_PER_WORD} per word and at least
 * {@link #SAY_MINIMUM}; play {@link #DEFAULT_PLAY} unless {@link #playLength(String, Duration) set} per URL;
 * digits {@link #DIGIT_TONE} per key and {@link #PAUSE} per {@code w}; beep {@link #BEEP}. Media on a leg plays
 * in the order asked; each id gets exactly one {@link LegEvent.MediaDone}: when it ends, when it is stopped
 * ({@link #stopMedia} stops the playing one and drops the queued ones), at once when the leg has already ended,
 * or just before {@link LegEvent.HungUp} when the phone hangs up on it. When Parley hangs up a leg, nothing more
 * is reported on it.
 *
 * <p><b>Audio.</b> A capture records a track of a leg ({@link Track}): inbound, the tone of the leg's phone
 * ({@link VirtualPhone#toneHz()}) while its party talks; outbound, what the party hears: a tone of
 * {@link #PARLEY_HZ} (no phone's) while Parley's media plays on the leg, ringback ({@link #RINGBACK_HZ}, 2 s on and
 * 4 s off, for every {@code ringTone}) from {@link #startRingback} to {@link #stopRingback}, and the tone of each
 * party bridged to it while that party talks.
 *
 * <p><b>Speech.</b> While a capture of what a party says runs on a leg, the network reports the voice activity of its party, as a real
 * adapter's voice-activity detection would: {@link LegEvent.SpeechStarted} when it starts talking (at once when a
 * capture starts mid-talk), {@link LegEvent.SpeechStopped} when it stops.
 *
 * <p><b>Threads.</b> State is guarded by one lock; listeners are called without it, by whichever thread caused
 * the event (a clock timer, or the caller of a method), one event at a time and in order for each leg. Reading
 * methods of phones take no lock, so they are safe in a {@code VirtualClock.await} condition (which runs
 * under the clock's lock while code here calls the clock under this one).
 *
 * <p>The parts: {@link Exchange} (legs, the lock, delivery), {@link Signalling} (legs set up and torn down),
 * {@link Playback} (media), {@link Bridges}, {@link Captures} (recording), {@link Party} (keys and talk).
 */
public final class VirtualNetwork implements Telephony {

    /** From a dial to the phone's answer in signalling: ringing, busy, failed, declined. */
    public static final Duration SIGNALLING_DELAY = Duration.ofMillis(100);
    /** Between two keys a phone presses. */
    public static final Duration KEY_INTERVAL = Duration.ofMillis(100);
    /** A {@code w} in keys pressed or digits played. */
    public static final Duration PAUSE = Duration.ofMillis(500);
    public static final Duration SAY_PER_WORD = Duration.ofMillis(400);
    public static final Duration SAY_MINIMUM = Duration.ofSeconds(1);
    public static final Duration DEFAULT_PLAY = Duration.ofSeconds(2);
    /** One DTMF digit played by Parley. */
    public static final Duration DIGIT_TONE = Duration.ofMillis(100);
    public static final Duration BEEP = Duration.ofMillis(500);
    /** The tone of Parley's media (say, play, digits, beep) in what a leg hears: above every phone's. */
    public static final double PARLEY_HZ = Tone.PARLEY_HZ;
    /** The two tones of ringback, sounding together (the US tone): no phone's tone is either. */
    public static final List<Double> RINGBACK_HZ = List.of(Ringback.LOW_HZ, Ringback.HIGH_HZ);
    /** Ringback's cadence: on this long, then {@link #RINGBACK_OFF} off, from the moment it starts. */
    public static final Duration RINGBACK_ON = Ringback.ON;
    public static final Duration RINGBACK_OFF = Ringback.OFF;

    private final Exchange exchange;
    private final ConcurrentMap<String, VirtualPhone> phones = new ConcurrentHashMap<>();
    private final Playback playback;
    private final Bridges bridges;
    private final Ringback ringback;
    private final Captures captures;
    private final Party party;
    private final Signalling signalling;
    private volatile CallArrivals arrivals;

    public VirtualNetwork(Clock clock) {
        exchange = new Exchange(clock);
        playback = new Playback(exchange);
        bridges = new Bridges(exchange, playback);
        captures = new Captures(exchange);
        ringback = new Ringback(exchange, playback);
        party = new Party(exchange, bridges, captures);
        signalling = new Signalling(exchange, phones, playback, bridges, party);
    }

    public VirtualNetwork(Clock clock, CallArrivals arrivals) {
        this(clock);
        this.arrivals = Objects.requireNonNull(arrivals, "arrivals");
    }

    /** Where calls placed by phones arrive (the engine's entrance); needed before a phone {@link VirtualPhone#call calls}. */
    public VirtualNetwork arrivals(CallArrivals arrivals) {
        this.arrivals = Objects.requireNonNull(arrivals, "arrivals");
        return this;
    }

    public Clock clock() {
        return exchange.clock;
    }

    /** The phone at an address, created (answering after one second, no script) the first time. */
    public VirtualPhone phone(String address) {
        Objects.requireNonNull(address, "address");
        return phones.computeIfAbsent(address, a -> new VirtualPhone(this, a));
    }

    /** The phone at an address, if there is one. */
    public Optional<VirtualPhone> find(String address) {
        return Optional.ofNullable(phones.get(address));
    }

    public List<VirtualPhone> phones() {
        return List.copyOf(phones.values());
    }

    // ---------------------------------------------------------------- media lengths

    /** How long playing a URL takes. */
    public VirtualNetwork playLength(String url, Duration length) {
        playback.playLength(url, nonNegative(length));
        return this;
    }

    /** How long playing a URL without a length of its own takes ({@link #DEFAULT_PLAY} unless set). */
    public VirtualNetwork defaultPlayLength(Duration length) {
        playback.defaultPlayLength(nonNegative(length));
        return this;
    }

    public Duration playLength(String url) {
        return playback.playLength(url);
    }

    /** {@link #SAY_PER_WORD} per word, at least {@link #SAY_MINIMUM}. */
    public static Duration sayLength(String text) {
        String trimmed = text.strip();
        int words = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        Duration length = SAY_PER_WORD.multipliedBy(words);
        return length.compareTo(SAY_MINIMUM) < 0 ? SAY_MINIMUM : length;
    }

    /** {@link #PAUSE} per {@code w} or {@code W}, {@link #DIGIT_TONE} per other character. */
    public static Duration digitsLength(String digits) {
        Duration length = Duration.ZERO;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            length = length.plus(c == 'w' || c == 'W' ? PAUSE : DIGIT_TONE);
        }
        return length;
    }

    // ---------------------------------------------------------------- Telephony: legs

    @Override
    public void dial(String callSid, String from, String to, LegListener listener) {
        signalling.dial(callSid, from, to, listener);
    }

    @Override
    public void answer(String callSid) {
        signalling.answer(callSid);
    }

    @Override
    public void reject(String callSid, boolean busy) {
        signalling.reject(callSid, busy);
    }

    @Override
    public void hangup(String callSid) {
        signalling.hangup(callSid);
    }

    // ---------------------------------------------------------------- Telephony: media

    @Override
    public long say(String callSid, String text, String voice, String language) {
        String words = Objects.requireNonNullElse(text, "");
        return playback.media(callSid, Heard.Kind.SAY, words, voice, language, sayLength(words));
    }

    @Override
    public long play(String callSid, String url) {
        Objects.requireNonNull(url, "url");
        return playback.media(callSid, Heard.Kind.PLAY, url, "", "", playLength(url));
    }

    @Override
    public long playDigits(String callSid, String digits) {
        Objects.requireNonNull(digits, "digits");
        return playback.media(callSid, Heard.Kind.DIGITS, digits, "", "", digitsLength(digits));
    }

    @Override
    public long beep(String callSid) {
        return playback.media(callSid, Heard.Kind.BEEP, "", "", "", BEEP);
    }

    @Override
    public void startRingback(String callSid, String ringTone) {
        ringback.start(callSid, Objects.requireNonNull(ringTone, "ringTone"));
    }

    @Override
    public void stopRingback(String callSid) {
        ringback.stop(callSid);
    }

    @Override
    public void stopMedia(String callSid) {
        playback.stop(callSid);
    }

    @Override
    public void startRecording(String callSid, String recordingId, Track track) {
        captures.start(callSid, recordingId, track);
    }

    @Override
    public RecordedAudio stopRecording(String callSid, String recordingId, Track track) {
        return captures.stop(callSid, recordingId, track);
    }

    @Override
    public void bridge(String callSidA, String callSidB) {
        bridges.bridge(callSidA, callSidB);
    }

    @Override
    public void unbridge(String callSidA, String callSidB) {
        bridges.unbridge(callSidA, callSidB);
    }

    // ---------------------------------------------------------------- what phones do (called by VirtualPhone)

    /** The lock over the network's state, which phones take to change their settings. */
    java.util.concurrent.locks.ReentrantLock lock() {
        return exchange.lock;
    }

    Optional<String> call(VirtualPhone phone, String to, Map<String, String> parameters) {
        CallArrivals entrance = arrivals;
        if (entrance == null) throw new IllegalStateException("no CallArrivals: give the network one with arrivals(...)");
        return signalling.call(phone, to, parameters, entrance);
    }

    void phoneAnswer(VirtualPhone phone) {
        signalling.phoneAnswer(phone);
    }

    void phoneDecline(VirtualPhone phone) {
        signalling.phoneDecline(phone);
    }

    void phonePress(VirtualPhone phone, String keys) {
        exchange.onLatest(phone, leg -> leg.state == Leg.State.ANSWERED, "no answered call", leg -> party.press(leg, keys));
    }

    void phoneTalk(VirtualPhone phone, Duration length) {
        exchange.onLatest(phone, leg -> leg.state == Leg.State.ANSWERED, "no answered call", leg -> party.talk(leg, length));
    }

    void phoneHangup(VirtualPhone phone) {
        signalling.phoneHangup(phone);
    }

    private static Duration nonNegative(Duration d) {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative()) throw new IllegalArgumentException("negative duration: " + d);
        return d;
    }
}
