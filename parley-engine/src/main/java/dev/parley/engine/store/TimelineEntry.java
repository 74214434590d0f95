package dev.parley.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a call's timeline: a leg state, a verb run, media, a webhook with its response code and latency, an
 * alert. {@code kind}: status, verb, media, webhook, alert, leg, session or api; {@code text} says what happened.
 */
public record TimelineEntry(String accountSid, String callSid, Instant at, String kind, String text) {

    public TimelineEntry {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(callSid, "callSid");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** As a test report or a log prints it: the instant, the call, the kind and the text. */
    @Override
    public String toString() {
        return at + " " + callSid + " " + kind + " " + text;
    }
}
