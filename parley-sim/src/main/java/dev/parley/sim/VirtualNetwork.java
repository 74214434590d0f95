package dev.parley.sim;

import dev.parley.engine.clock.Clock;
import dev.parley.engine.telephony.CallArrivals;
import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.telephony.LegListener;
import dev.parley.engine.telephony.RecordedAudio;
import dev.parley.engine.telephony.Telephony;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
 * <p><b>Threads.</b> State is guarded by one lock; listeners are called without it, by whichever thread caused
 * the event (a clock timer, or the caller of a method), one event at a time and in order for each leg. Reading
 * methods of phones take no lock, so they are safe in a {@code VirtualClock.await} condition (which runs
 * under the clock's lock while code here calls the clock under this one).
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

    private static final System.Logger LOG = System.getLogger(VirtualNetwork.class.getName());
    private static final String KEYS = "0123456789*#ABCD";

    /** Guards all state of the network, its phones and legs. */
    final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a call a phone placed has been registered. */
    private final Condition arrivalsDone = lock.newCondition();
    private final Clock clock;
    private final ConcurrentMap<String, VirtualPhone> phones = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Leg> legs = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Duration> playLengths = new ConcurrentHashMap<>();
    private volatile Duration defaultPlayLength = DEFAULT_PLAY;
    private volatile CallArrivals arrivals;

    // guarded by lock
    /** Threads inside CallArrivals.arrive for a phone's call. */
    private final List<Thread> arriving = new ArrayList<>();
    /** Legs changed under the lock, whose snapshots are republished before it is released. */
    private final Set<Leg> touched = new LinkedHashSet<>();
    /** Timers asked for under the lock, armed once the events of the same change are delivered. */
    private final List<Arm> arming = new ArrayList<>();
    private long nextMediaId = 1;

    public VirtualNetwork(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
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
        return clock;
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

    /** How long playing a URL takes. */
    public VirtualNetwork playLength(String url, Duration length) {
        playLengths.put(Objects.requireNonNull(url, "url"), nonNegative(length));
        return this;
    }

    /** How long playing a URL without a length of its own takes ({@link #DEFAULT_PLAY} unless set). */
    public VirtualNetwork defaultPlayLength(Duration length) {
        defaultPlayLength = nonNegative(length);
        return this;
    }

    public Duration playLength(String url) {
        return playLengths.getOrDefault(url, defaultPlayLength);
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
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(listener, "listener");
        lock.lock();
        try {
            if (legs.containsKey(callSid)) throw new IllegalStateException("leg exists already: " + callSid);
            Leg leg = new Leg(callSid, PhoneCall.Direction.INCOMING, phones.get(to), Objects.requireNonNullElse(from, ""),
                    listener, clock.now());
            legs.put(callSid, leg);
            later(leg, SIGNALLING_DELAY, () -> reach(leg, to));
        } finally {
            lock.unlock();
        }
        arm();
    }

    @Override
    public void answer(String callSid) {
        Leg leg = required(callSid);
        change(leg, () -> {
            requireOutgoing(leg, "answer");
            if (leg.state == Leg.State.RINGING) answered(leg);
        });
    }

    @Override
    public void reject(String callSid, boolean busy) {
        Leg leg = required(callSid);
        change(leg, () -> {
            requireOutgoing(leg, "reject");
            if (leg.state == Leg.State.RINGING) {
                end(leg, busy ? PhoneCall.Status.BUSY : PhoneCall.Status.REJECTED, false);
            }
        });
    }

    @Override
    public void hangup(String callSid) {
        Optional<Leg> found = leg(callSid);
        if (found.isEmpty()) return;
        Leg leg = found.get();
        change(leg, () -> {
            switch (leg.state) {
                case ENDED -> { }
                case DIALING -> end(leg, PhoneCall.Status.CANCELED, false);
                case RINGING -> end(leg, leg.direction == PhoneCall.Direction.INCOMING
                        ? PhoneCall.Status.CANCELED : PhoneCall.Status.HUNG_UP_BY_OTHER, false);
                case ANSWERED -> end(leg, PhoneCall.Status.HUNG_UP_BY_OTHER, false);
            }
        });
    }

    // ---------------------------------------------------------------- Telephony: media

    @Override
    public long say(String callSid, String text, String voice, String language) {
        String words = Objects.requireNonNullElse(text, "");
        return media(callSid, Heard.Kind.SAY, words, voice, language, sayLength(words));
    }

    @Override
    public long play(String callSid, String url) {
        Objects.requireNonNull(url, "url");
        return media(callSid, Heard.Kind.PLAY, url, "", "", playLength(url));
    }

    @Override
    public long playDigits(String callSid, String digits) {
        Objects.requireNonNull(digits, "digits");
        return media(callSid, Heard.Kind.DIGITS, digits, "", "", digitsLength(digits));
    }

    @Override
    public long beep(String callSid) {
        return media(callSid, Heard.Kind.BEEP, "", "", "", BEEP);
    }

    @Override
    public void stopMedia(String callSid) {
        Optional<Leg> found = leg(callSid);
        if (found.isEmpty()) return;
        Leg leg = found.get();
        change(leg, () -> stopAllMedia(leg, true));
    }

    @Override
    public void startRecording(String callSid, String recordingId) {
        Objects.requireNonNull(recordingId, "recordingId");
        Leg leg = required(callSid);
        change(leg, () -> {
            if (leg.captures.containsKey(recordingId)) {
                throw new IllegalStateException("recording " + recordingId + " already started on " + callSid);
            }
            leg.captures.put(recordingId, clock.now());
        });
    }

    @Override
    public RecordedAudio stopRecording(String callSid, String recordingId) {
        Leg leg = required(callSid);
        record Capture(Instant from, Instant to, List<Span> talks, double hz) { }
        Capture capture = compute(leg, () -> {
            Instant from = leg.captures.remove(recordingId);
            if (from == null) throw new IllegalArgumentException("no recording " + recordingId + " on " + callSid);
            Instant to = clock.now();
            if (leg.ended != null && leg.ended.isBefore(to)) to = leg.ended;
            if (to.isBefore(from)) to = from;
            return new Capture(from, to, List.copyOf(leg.talks), leg.phone == null ? 0 : leg.phone.toneHz());
        });
        return Tone.capture(capture.from(), capture.to(), capture.talks(), capture.hz());
    }

    @Override
    public void bridge(String callSidA, String callSidB) {
        Leg a = required(callSidA);
        Leg b = required(callSidB);
        if (a == b) throw new IllegalArgumentException("cannot bridge a leg to itself: " + callSidA);
        change(a, () -> {
            if (a.state == Leg.State.ENDED || b.state == Leg.State.ENDED || a.bridged.contains(b)) return;
            Instant now = clock.now();
            a.bridged.add(b);
            b.bridged.add(a);
            a.links.add(new Leg.Link(b, now));
            b.links.add(new Leg.Link(a, now));
            if (a.talking(now)) hearAudio(b, a);
            if (b.talking(now)) hearAudio(a, b);
            touch(a);
            touch(b);
        });
    }

    @Override
    public void unbridge(String callSidA, String callSidB) {
        Optional<Leg> a = leg(callSidA);
        Optional<Leg> b = leg(callSidB);
        if (a.isEmpty() || b.isEmpty()) return;
        change(a.get(), () -> {
            if (a.get().bridged.contains(b.get())) disconnect(a.get(), b.get(), clock.now());
        });
    }

    // ---------------------------------------------------------------- what phones do (called by VirtualPhone)

    Optional<String> call(VirtualPhone phone, String to) {
        CallArrivals entrance = arrivals;
        if (entrance == null) throw new IllegalStateException("no CallArrivals: give the network one with arrivals(...)");
        Thread me = Thread.currentThread();
        lock.lock();
        try {
            arriving.add(me);
        } finally {
            lock.unlock();
        }
        Optional<CallArrivals.Arrival> arrival = Optional.empty();
        try {
            arrival = Objects.requireNonNullElse(entrance.arrive(phone.address(), to), Optional.empty());
        } finally {
            lock.lock();
            try {
                arriving.remove(me);
                placed(phone, to, arrival);
                arrivalsDone.signalAll();
            } finally {
                publishTouched();
                lock.unlock();
            }
        }
        return arrival.map(CallArrivals.Arrival::callSid);
    }

    void phoneAnswer(VirtualPhone phone) {
        onLatest(phone, Leg::ringingIncoming, "no incoming call ringing", this::answeredByPhone);
    }

    void phoneDecline(VirtualPhone phone) {
        onLatest(phone, Leg::ringingIncoming, "no incoming call ringing", this::declinedByPhone);
    }

    void phonePress(VirtualPhone phone, String keys) {
        onLatest(phone, leg -> leg.state == Leg.State.ANSWERED, "no answered call", leg -> press(leg, keys));
    }

    void phoneTalk(VirtualPhone phone, Duration length) {
        onLatest(phone, leg -> leg.state == Leg.State.ANSWERED, "no answered call", leg -> talk(leg, length));
    }

    void phoneHangup(VirtualPhone phone) {
        onLatest(phone, leg -> leg.state == Leg.State.RINGING || leg.state == Leg.State.ANSWERED, "no call going on",
                this::hungUpByPhone);
    }

    static void checkKeys(String keys) {
        Objects.requireNonNull(keys, "digits");
        for (int i = 0; i < keys.length(); i++) {
            char c = keys.charAt(i);
            if (c != 'w' && c != 'W' && KEYS.indexOf(c) < 0) {
                throw new IllegalArgumentException("not a key: '" + c + "' in \"" + keys + "\" (0-9, *, #, A-D, w)");
            }
        }
    }

    // ---------------------------------------------------------------- transitions (lock held)

    /** The call reaches the dialled phone (after the signalling delay). */
    private void reach(Leg leg, String to) {
        if (leg.state != Leg.State.DIALING) return;
        if (leg.phone == null) {
            leg.state = Leg.State.ENDED;
            leg.status = PhoneCall.Status.FAILED;
            leg.ended = clock.now();
            emit(leg, new LegEvent.Failed("no phone at " + to));
            return;
        }
        VirtualPhone.Incoming how = leg.phone.incoming;
        leg.started = clock.now();
        leg.state = Leg.State.RINGING;
        log(leg);
        switch (how.kind()) {
            case BUSY -> {
                end(leg, PhoneCall.Status.BUSY, false);
                emit(leg, new LegEvent.Busy());
            }
            case UNREACHABLE -> {
                end(leg, PhoneCall.Status.FAILED, false);
                emit(leg, new LegEvent.Failed("unreachable"));
            }
            case REJECT -> {
                if (how.after().isZero()) {
                    declinedByPhone(leg);
                } else {
                    emit(leg, new LegEvent.Ringing());
                    later(leg, how.after(), () -> declinedByPhone(leg));
                }
            }
            case ANSWER -> {
                emit(leg, new LegEvent.Ringing());
                later(leg, how.after(), () -> answeredByPhone(leg));
            }
            case RING_FOREVER -> emit(leg, new LegEvent.Ringing());
        }
    }

    private void answeredByPhone(Leg leg) {
        if (!leg.ringingIncoming()) return;
        answered(leg);
        emit(leg, new LegEvent.Answered());
    }

    private void declinedByPhone(Leg leg) {
        if (!leg.ringingIncoming()) return;
        end(leg, PhoneCall.Status.REJECTED, false);
        emit(leg, new LegEvent.Declined());
    }

    private void hungUpByPhone(Leg leg) {
        switch (leg.state) {
            case DIALING, ENDED -> { }
            case RINGING -> {
                if (leg.direction == PhoneCall.Direction.INCOMING) {
                    declinedByPhone(leg);
                } else {
                    end(leg, PhoneCall.Status.CANCELED, true);
                    emit(leg, new LegEvent.HungUp());
                }
            }
            case ANSWERED -> {
                end(leg, PhoneCall.Status.HUNG_UP_BY_ME, true);
                emit(leg, new LegEvent.HungUp());
            }
        }
    }

    /** A call placed by a phone is registered once CallArrivals has answered. */
    private void placed(VirtualPhone phone, String to, Optional<CallArrivals.Arrival> arrival) {
        Instant now = clock.now();
        if (arrival.isEmpty()) {
            Leg leg = new Leg("", PhoneCall.Direction.OUTGOING, phone, to, null, now);
            leg.state = Leg.State.ENDED;
            leg.status = PhoneCall.Status.FAILED;
            leg.ended = now;
            log(leg);
            return;
        }
        CallArrivals.Arrival a = arrival.get();
        if (legs.containsKey(a.callSid())) throw new IllegalStateException("leg exists already: " + a.callSid());
        Leg leg = new Leg(a.callSid(), PhoneCall.Direction.OUTGOING, phone, to, a.listener(), now);
        leg.state = Leg.State.RINGING;
        legs.put(a.callSid(), leg);
        log(leg);
    }

    private void answered(Leg leg) {
        Instant now = clock.now();
        leg.state = Leg.State.ANSWERED;
        leg.status = PhoneCall.Status.IN_PROGRESS;
        leg.answered = now;
        for (VirtualPhone.Action action : leg.phone.script) {
            Instant at = now.plus(action.at());
            switch (action) {
                case VirtualPhone.Press p -> at(leg, at, () -> {
                    if (leg.state == Leg.State.ANSWERED) press(leg, p.keys());
                });
                case VirtualPhone.HangUp h -> at(leg, at, () -> hungUpByPhone(leg));
                case VirtualPhone.Talk t -> at(leg, at, () -> talk(leg, t.length()));
            }
        }
        touch(leg);
    }

    /** The leg ends: timers stop, media stops, talking stops, bridges come apart. */
    private void end(Leg leg, PhoneCall.Status status, boolean reportMedia) {
        Instant now = clock.now();
        leg.state = Leg.State.ENDED;
        leg.status = status;
        leg.ended = now;
        for (Clock.Timer timer : leg.timers) timer.cancel();
        leg.timers.clear();
        stopAllMedia(leg, reportMedia);
        leg.talks.replaceAll(t -> t.end().isAfter(now) ? new Span(t.start(), now) : t);
        for (Leg other : List.copyOf(leg.bridged)) disconnect(leg, other, now);
        touch(leg);
    }

    /** Keys: the first now, each next one KEY_INTERVAL later; w waits PAUSE. */
    private void press(Leg leg, String keys) {
        Duration offset = Duration.ZERO;
        for (int i = 0; i < keys.length(); i++) {
            char c = keys.charAt(i);
            if (c == 'w' || c == 'W') {
                offset = offset.plus(PAUSE);
                continue;
            }
            if (offset.isZero()) {
                key(leg, c);
            } else {
                later(leg, offset, () -> key(leg, c));
            }
            offset = offset.plus(KEY_INTERVAL);
        }
    }

    private void key(Leg leg, char key) {
        if (leg.state != Leg.State.ANSWERED) return;
        leg.pressed.append(key);
        emit(leg, new LegEvent.Digit(key));
        touch(leg);
    }

    private void talk(Leg leg, Duration length) {
        if (leg.state != Leg.State.ANSWERED) return;
        Instant now = clock.now();
        leg.talks.add(new Span(now, now.plus(length)));
        for (Leg other : leg.bridged) hearAudio(other, leg);
        touch(leg);
    }

    private long media(String callSid, Heard.Kind kind, String text, String voice, String language, Duration length) {
        Leg leg = required(callSid);
        return compute(leg, () -> {
            long id = nextMediaId++;
            if (leg.state == Leg.State.ENDED) {
                emit(leg, new LegEvent.MediaDone(id));
            } else {
                leg.queued.add(new Leg.Media(id, kind, text, Objects.requireNonNullElse(voice, ""),
                        Objects.requireNonNullElse(language, ""), length));
                if (leg.playing == null) playNext(leg);
            }
            return id;
        });
    }

    private void playNext(Leg leg) {
        Leg.Media media = leg.queued.poll();
        if (media == null) return;
        leg.playing = media;
        hear(leg, media.kind(), media.text(), media.voice(), media.language());
        arming.add(new Arm(leg, clock.now().plus(media.length()), () -> mediaEnded(leg, media.id()), media));
    }

    private void mediaEnded(Leg leg, long id) {
        if (leg.playing == null || leg.playing.id() != id) return;
        leg.playing = null;
        leg.playingTimer = null;
        emit(leg, new LegEvent.MediaDone(id));
        playNext(leg);
    }

    private void stopAllMedia(Leg leg, boolean report) {
        if (leg.playing != null) {
            if (leg.playingTimer != null) leg.playingTimer.cancel();
            if (report) emit(leg, new LegEvent.MediaDone(leg.playing.id()));
        }
        if (report) {
            for (Leg.Media queued : leg.queued) emit(leg, new LegEvent.MediaDone(queued.id()));
        }
        leg.playing = null;
        leg.playingTimer = null;
        leg.queued.clear();
    }

    private void disconnect(Leg a, Leg b, Instant now) {
        a.bridged.remove(b);
        b.bridged.remove(a);
        closeLink(a, b, now);
        closeLink(b, a, now);
    }

    private void closeLink(Leg leg, Leg peer, Instant now) {
        for (Leg.Link link : leg.links) {
            if (link.peer == peer && link.to == null) link.to = now;
        }
        touch(leg);
    }

    private void hearAudio(Leg listener, Leg talker) {
        if (talker.phone != null) hear(listener, Heard.Kind.AUDIO, talker.phone.address(), "", "");
    }

    private void hear(Leg leg, Heard.Kind kind, String text, String voice, String language) {
        if (!leg.logged) return;
        Instant now = clock.now();
        Heard heard = new Heard(leg.callSid, now, Duration.between(leg.origin(), now), kind, text, voice, language);
        leg.heard.add(heard);
        leg.phone.heardLog.add(heard);
        touch(leg);
    }

    /** The phone sees the call: it enters the phone's log. */
    private void log(Leg leg) {
        leg.logged = true;
        leg.snapshot = leg.toPhoneCall();
        leg.phone.legs.add(leg);
    }

    private void emit(Leg leg, LegEvent event) {
        if (leg.listener != null) leg.outbox.add(event);
    }

    private void touch(Leg leg) {
        touched.add(leg);
    }

    private void later(Leg leg, Duration after, Runnable task) {
        at(leg, clock.now().plus(after), task);
    }

    private void at(Leg leg, Instant at, Runnable task) {
        arming.add(new Arm(leg, at, task, null));
    }

    private static void requireOutgoing(Leg leg, String what) {
        if (leg.direction != PhoneCall.Direction.OUTGOING) {
            throw new IllegalStateException("cannot " + what + " " + leg.callSid + ": Parley dialled it, only the phone answers");
        }
    }

    private static Duration nonNegative(Duration d) {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative()) throw new IllegalArgumentException("negative duration: " + d);
        return d;
    }

    // ---------------------------------------------------------------- locking and delivery

    /**
     * Runs a change under the lock and republishes the snapshots it touched; then reports the leg's new events,
     * and only then arms the timers the change asked for. That order matters on threads the clock does not count
     * (a test, an HTTP server): arming a timer may let virtual time jump at once, and the events of a change
     * must reach their listener at the time they happened.
     */
    private void change(Leg leg, Runnable body) {
        lock.lock();
        try {
            body.run();
        } finally {
            publishTouched();
            lock.unlock();
        }
        deliver(leg);
        arm();
    }

    private <T> T compute(Leg leg, Supplier<T> body) {
        T result;
        lock.lock();
        try {
            result = body.get();
        } finally {
            publishTouched();
            lock.unlock();
        }
        deliver(leg);
        arm();
        return result;
    }

    private void onLatest(VirtualPhone phone, Predicate<Leg> which, String none, Consumer<Leg> action) {
        Leg leg;
        lock.lock();
        try {
            leg = phone.latest(which).orElseThrow(() -> new IllegalStateException(phone.address() + ": " + none));
            action.accept(leg);
        } finally {
            publishTouched();
            lock.unlock();
        }
        deliver(leg);
        arm();
    }

    /** A timer to arm: a task at an instant for a leg, or the end of the media playing on it. */
    private record Arm(Leg leg, Instant at, Runnable task, Leg.Media media) {
    }

    /**
     * Arms the timers asked for, without the lock (the clock may start a timer thread at once). A timer whose leg
     * ended (or whose media stopped) meanwhile is cancelled: its task would do nothing, but it would still move
     * virtual time when everything else is idle.
     */
    private void arm() {
        List<Arm> batch;
        lock.lock();
        try {
            if (arming.isEmpty()) return;
            batch = List.copyOf(arming);
            arming.clear();
        } finally {
            lock.unlock();
        }
        for (Arm arm : batch) {
            Clock.Timer timer = clock.schedule(arm.at(), () -> change(arm.leg(), arm.task()));
            lock.lock();
            try {
                Leg leg = arm.leg();
                if (arm.media() != null) {
                    if (leg.playing == arm.media()) {
                        leg.playingTimer = timer;
                    } else {
                        timer.cancel();
                    }
                } else if (leg.state == Leg.State.ENDED) {
                    timer.cancel();
                } else {
                    leg.timers.add(timer);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private void publishTouched() {
        for (Leg leg : touched) {
            if (leg.logged) leg.snapshot = leg.toPhoneCall();
        }
        touched.clear();
    }

    /**
     * Gives the leg's waiting events to its listener, without the lock. One thread at a time delivers for a
     * leg; events queued meanwhile by other threads are delivered by it, so the order holds.
     */
    private void deliver(Leg leg) {
        lock.lock();
        try {
            if (leg.delivering || leg.outbox.isEmpty()) return;
            leg.delivering = true;
        } finally {
            lock.unlock();
        }
        while (true) {
            LegEvent event;
            lock.lock();
            try {
                event = leg.outbox.poll();
                if (event == null) {
                    leg.delivering = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            try {
                leg.listener.on(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "listener of " + leg.callSid + " failed on " + event, e);
            }
        }
    }

    private Leg required(String callSid) {
        return leg(callSid).orElseThrow(() -> new IllegalArgumentException("no leg " + callSid));
    }

    /**
     * The leg with a CallSid. A phone's call is registered only once CallArrivals.arrive returns, yet the engine
     * may act on the new CallSid from another thread before that: an unknown CallSid waits for calls arriving.
     */
    private Optional<Leg> leg(String callSid) {
        Objects.requireNonNull(callSid, "callSid");
        Leg leg = legs.get(callSid);
        if (leg != null) return Optional.of(leg);
        lock.lock();
        try {
            while ((leg = legs.get(callSid)) == null && othersArriving()) {
                arrivalsDone.awaitUninterruptibly();
            }
            return Optional.ofNullable(leg);
        } finally {
            lock.unlock();
        }
    }

    private boolean othersArriving() {
        Thread me = Thread.currentThread();
        for (Thread t : arriving) {
            if (t != me) return true;
        }
        return false;
    }
}
