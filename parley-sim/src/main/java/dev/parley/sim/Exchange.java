package dev.parley.sim;

import dev.parley.engine.clock.Clock;
import dev.parley.engine.telephony.LegEvent;
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
 * The exchange at the heart of the virtual network: the legs by CallSid, the one lock over all network state, and
 * the order in which a change's effects leave the lock. A change runs under the lock; then the snapshots it
 * touched are republished, the events it raised reach their listener, and only then are the timers it asked for
 * armed. That order matters on threads the clock does not count (a test, an HTTP server): arming a timer may let
 * virtual time jump at once, and the events of a change must reach their listener at the time they happened.
 */
final class Exchange {

    private static final System.Logger LOG = System.getLogger(VirtualNetwork.class.getName());

    /** Guards all state of the network, its phones and legs. */
    final ReentrantLock lock = new ReentrantLock();
    final Clock clock;
    final ConcurrentMap<String, Leg> legs = new ConcurrentHashMap<>();
    /** Signalled when a call a phone placed has been registered. */
    private final Condition arrivalsDone = lock.newCondition();

    // guarded by lock
    /** Threads inside CallArrivals.arrive for a phone's call. */
    private final List<Thread> arriving = new ArrayList<>();
    /** Legs changed under the lock, whose snapshots are republished before it is released. */
    private final Set<Leg> touched = new LinkedHashSet<>();
    /** Timers asked for under the lock, armed once the events of the same change are delivered. */
    private final List<Arm> arming = new ArrayList<>();

    Exchange(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---------------------------------------------------------------- under the lock

    /** Queues an event for the leg's listener (lock held); it leaves when the change is done. */
    void emit(Leg leg, LegEvent event) {
        if (leg.listener != null) leg.outbox.add(event);
    }

    /** The leg's snapshot changed (lock held). */
    void touch(Leg leg) {
        touched.add(leg);
    }

    /** A task for the leg after a delay (lock held); cancelled when the leg ends. */
    void later(Leg leg, Duration after, Runnable task) {
        at(leg, clock.now().plus(after), task);
    }

    /** A task for the leg at an instant (lock held); cancelled when the leg ends. */
    void at(Leg leg, Instant at, Runnable task) {
        arming.add(new Arm(leg, at, task, null));
    }

    /** The end of the media now playing on the leg (lock held); cancelled when the media stops. */
    void mediaEndsAt(Leg leg, Instant at, Runnable task, Leg.Media media) {
        arming.add(new Arm(leg, at, task, media));
    }

    // ---------------------------------------------------------------- changes

    /** Runs a change to a leg under the lock, then lets its effects out in order. */
    void change(Leg leg, Runnable body) {
        compute(leg, () -> {
            body.run();
            return null;
        });
    }

    <T> T compute(Leg leg, Supplier<T> body) {
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

    /** Acts on a phone's latest call that matches; throws when there is none. */
    void onLatest(VirtualPhone phone, Predicate<Leg> which, String none, Consumer<Leg> action) {
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

    /**
     * A call a phone places: {@code arrive} asks the engine (without the lock, it may call back into the network),
     * then {@code register} records what it answered under the lock. Meanwhile, another thread that acts on the new
     * CallSid waits for the registration (see {@link #leg}).
     */
    <T> T arrival(Supplier<T> arrive, Consumer<T> register) {
        Thread me = Thread.currentThread();
        lock.lock();
        try {
            arriving.add(me);
        } finally {
            lock.unlock();
        }
        T answer = null;
        try {
            answer = arrive.get();
            return answer;
        } finally {
            lock.lock();
            try {
                arriving.remove(me);
                register.accept(answer);
                arrivalsDone.signalAll();
            } finally {
                publishTouched();
                lock.unlock();
            }
        }
    }

    // ---------------------------------------------------------------- finding legs

    Leg required(String callSid) {
        return leg(callSid).orElseThrow(() -> new IllegalArgumentException("no leg " + callSid));
    }

    /**
     * The leg with a CallSid. A phone's call is registered only once CallArrivals.arrive returns, yet the engine
     * may act on the new CallSid from another thread before that: an unknown CallSid waits for calls arriving.
     */
    Optional<Leg> leg(String callSid) {
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

    // ---------------------------------------------------------------- letting effects out

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
}
