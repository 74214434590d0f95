package dev.parley.sim;

import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.telephony.RecordedAudio;
import dev.parley.engine.telephony.Track;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Captures of a leg's tracks, named by recording id ({@link Tone} makes their audio): what the party sends (its
 * phone's tone while it talks) and what it hears (Parley's media, ringback, and the bridged parties' talk while they
 * are connected). While a capture of what the party sends runs, its voice activity is reported as a real adapter's
 * detection would: {@link LegEvent.SpeechStarted} (at once when the capture starts mid-talk) and
 * {@link LegEvent.SpeechStopped}.
 */
final class Captures {

    private final Exchange exchange;

    Captures(Exchange exchange) {
        this.exchange = exchange;
    }

    void start(String callSid, String recordingId, Track track) {
        Objects.requireNonNull(recordingId, "recordingId");
        Leg leg = exchange.required(callSid);
        exchange.change(leg, () -> {
            Map<String, Instant> running = running(leg, track);
            if (running.containsKey(recordingId)) {
                throw new IllegalStateException("recording " + recordingId + " already started on " + callSid);
            }
            Instant now = exchange.clock.now();
            running.put(recordingId, now);
            if (track == Track.INBOUND && leg.talking(now)) speechStarted(leg);
        });
    }

    RecordedAudio stop(String callSid, String recordingId, Track track) {
        Leg leg = exchange.required(callSid);
        record Capture(Instant from, Instant to, List<Tone.Voice> voices) { }
        Capture capture = exchange.compute(leg, () -> {
            Instant from = running(leg, track).remove(recordingId);
            if (from == null) throw new IllegalArgumentException("no recording " + recordingId + " on " + callSid);
            if (leg.captures.isEmpty()) leg.speechReported = false;
            Instant to = exchange.clock.now();
            if (leg.ended != null && leg.ended.isBefore(to)) to = leg.ended;
            if (to.isBefore(from)) to = from;
            return new Capture(from, to, track == Track.INBOUND ? List.of(said(leg)) : heard(leg, to));
        });
        return Tone.capture(capture.from(), capture.to(), capture.voices());
    }

    private static Map<String, Instant> running(Leg leg, Track track) {
        return track == Track.INBOUND ? leg.captures : leg.hearing;
    }

    /** What the leg's party said (lock held). */
    private static Tone.Voice said(Leg leg) {
        return new Tone.Voice(leg.phone == null ? 0 : leg.phone.toneHz(), List.copyOf(leg.talks));
    }

    /** What the leg's party heard up to {@code to} (lock held): Parley's media, ringback, each bridged party's talk. */
    private static List<Tone.Voice> heard(Leg leg, Instant to) {
        List<Tone.Voice> voices = new ArrayList<>();
        voices.add(new Tone.Voice(Tone.PARLEY_HZ, List.copyOf(leg.played)));
        voices.addAll(Ringback.heard(leg, to));
        for (Leg.Link link : leg.links) {
            if (link.peer.phone == null) continue;
            Instant until = link.to == null ? to : link.to;
            List<Span> talks = new ArrayList<>();
            for (Span talk : link.peer.talks) talks.add(talk.clip(link.from, until));
            voices.add(new Tone.Voice(link.peer.phone.toneHz(), talks));
        }
        return voices;
    }

    /** The party starts a talk (lock held); {@code wasTalking}: it was talking already. */
    void talkStarted(Leg leg, boolean wasTalking) {
        if (!wasTalking && !leg.captures.isEmpty()) speechStarted(leg);
    }

    /** One of the party's talks ends (lock held): silence, unless another talk goes on. */
    void talkEnded(Leg leg) {
        if (leg.speechReported && leg.state == Leg.State.ANSWERED && !leg.talking(exchange.clock.now())) {
            leg.speechReported = false;
            exchange.emit(leg, new LegEvent.SpeechStopped());
        }
    }

    private void speechStarted(Leg leg) {
        leg.speechReported = true;
        exchange.emit(leg, new LegEvent.SpeechStarted());
    }
}
