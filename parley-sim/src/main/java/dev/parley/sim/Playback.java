package dev.parley.sim;

import dev.parley.engine.telephony.LegEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Media Parley plays on legs (say, play, digits, beep) and what the phones hear. Media on a leg plays in the order
 * asked; each id gets exactly one {@link LegEvent.MediaDone}: when it ends, when it is stopped (the playing one and
 * the queued ones), at once when the leg has already ended, or just before {@link LegEvent.HungUp} when the phone
 * hangs up on it.
 */
final class Playback {

    private final Exchange exchange;
    private final ConcurrentMap<String, Duration> playLengths = new ConcurrentHashMap<>();
    private volatile Duration defaultPlayLength = VirtualNetwork.DEFAULT_PLAY;
    /** Guarded by the exchange's lock. */
    private long nextMediaId = 1;

    Playback(Exchange exchange) {
        this.exchange = exchange;
    }

    void playLength(String url, Duration length) {
        playLengths.put(Objects.requireNonNull(url, "url"), length);
    }

    void defaultPlayLength(Duration length) {
        defaultPlayLength = length;
    }

    Duration playLength(String url) {
        return playLengths.getOrDefault(url, defaultPlayLength);
    }

    /** Queues media on a leg; returns its id. */
    long media(String callSid, Heard.Kind kind, String text, String voice, String language, Duration length) {
        Leg leg = exchange.required(callSid);
        return exchange.compute(leg, () -> {
            long id = nextMediaId++;
            if (leg.state == Leg.State.ENDED) {
                exchange.emit(leg, new LegEvent.MediaDone(id));
            } else {
                leg.queued.add(new Leg.Media(id, kind, text, Objects.requireNonNullElse(voice, ""),
                        Objects.requireNonNullElse(language, ""), length));
                if (leg.playing == null) playNext(leg);
            }
            return id;
        });
    }

    /** Stops the media playing on a leg and drops the queued ones, reporting each. */
    void stop(String callSid) {
        Optional<Leg> found = exchange.leg(callSid);
        if (found.isEmpty()) return;
        Leg leg = found.get();
        exchange.change(leg, () -> stopAll(leg, true));
    }

    /** Stops all media on the leg (lock held); reports MediaDone for each when asked. */
    void stopAll(Leg leg, boolean report) {
        if (leg.playing != null) {
            if (leg.playingTimer != null) leg.playingTimer.cancel();
            if (report) exchange.emit(leg, new LegEvent.MediaDone(leg.playing.id()));
        }
        if (report) {
            for (Leg.Media queued : leg.queued) exchange.emit(leg, new LegEvent.MediaDone(queued.id()));
        }
        leg.playing = null;
        leg.playingTimer = null;
        leg.queued.clear();
    }

    /** The phone on the leg hears something (lock held); only phones that have seen the call hear. */
    void hear(Leg leg, Heard.Kind kind, String text, String voice, String language) {
        if (!leg.logged) return;
        Instant now = exchange.clock.now();
        Heard heard = new Heard(leg.callSid, now, Duration.between(leg.origin(), now), kind, text, voice, language);
        leg.heard.add(heard);
        leg.phone.heardLog.add(heard);
        exchange.touch(leg);
    }

    private void playNext(Leg leg) {
        Leg.Media media = leg.queued.poll();
        if (media == null) return;
        leg.playing = media;
        hear(leg, media.kind(), media.text(), media.voice(), media.language());
        exchange.mediaEndsAt(leg, exchange.clock.now().plus(media.length()), () -> mediaEnded(leg, media.id()), media);
    }

    private void mediaEnded(Leg leg, long id) {
        if (leg.playing == null || leg.playing.id() != id) return;
        leg.playing = null;
        leg.playingTimer = null;
        exchange.emit(leg, new LegEvent.MediaDone(id));
        playNext(leg);
    }
}
