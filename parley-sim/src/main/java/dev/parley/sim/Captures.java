package dev.parley.sim;

import dev.parley.engine.telephony.RecordedAudio;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Captures of what a leg's party sends, named by recording id: the audio comes from {@link Tone}. */
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
            leg.captures.put(recordingId, exchange.clock.now());
        });
    }

    RecordedAudio stop(String callSid, String recordingId) {
        Leg leg = exchange.required(callSid);
        record Capture(Instant from, Instant to, List<Span> talks, double hz) { }
        Capture capture = exchange.compute(leg, () -> {
            Instant from = leg.captures.remove(recordingId);
            if (from == null) throw new IllegalArgumentException("no recording " + recordingId + " on " + callSid);
            Instant to = exchange.clock.now();
            if (leg.ended != null && leg.ended.isBefore(to)) to = leg.ended;
            if (to.isBefore(from)) to = from;
            return new Capture(from, to, List.copyOf(leg.talks), leg.phone == null ? 0 : leg.phone.toneHz());
        });
        return Tone.capture(capture.from(), capture.to(), capture.talks(), capture.hz());
    }
}
