package dev.parley.sim;

import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.telephony.RecordedAudio;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Captures of what a leg's party sends, named by recording id: the audio comes from {@link Tone}. While a capture
 * runs, the party's voice activity is reported as a real adapter's detection would: {@link LegEvent.SpeechStarted}
 * (at once when the capture starts mid-talk) and {@link LegEvent.SpeechStopped}.
 */
final class Captures {

    private final Exchange exchange;

    Captures(Exchange exchange) {
        this.exchange = exchange;
    }

    void start(String callSid, String recordingId) {
        Objects.requireNonNull(recordingId, "recordingId");
        Leg leg = exchange.required(callSid);
        exchange.change(leg, () -> {
            if (leg.captures.containsKey(recordingId)) {
                throw new IllegalStateException("recording " + recordingId + " already started on " + callSid);
            }
            Instant now = exchange.clock.now();
            leg.captures.put(recordingId, now);
            if (leg.talking(now)) speechStarted(leg);
        });
    }

    RecordedAudio stop(String callSid, String recordingId) {
        Leg leg = exchange.required(callSid);
        record Capture(Instant from, Instant to, List<Span> talks, double hz) { }
        Capture capture = exchange.compute(leg, () -> {
            Instant from = leg.captures.remove(recordingId);
            if (from == null) throw new IllegalArgumentException("no recording " + recordingId + " on " + callSid);
            if (leg.captures.isEmpty()) leg.speechReported = false;
            Instant to = exchange.clock.now();
            if (leg.ended != null && leg.ended.isBefore(to)) to = leg.ended;
            if (to.isBefore(from)) to = from;
            return new Capture(from, to, List.copyOf(leg.talks), leg.phone == null ? 0 : leg.phone.toneHz());
        });
        return Tone.capture(capture.from(), capture.to(), capture.talks(), capture.hz());
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
