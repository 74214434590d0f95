package dev.parley.engine.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened on a call, in order: leg states, verbs run, media, every webhook with its response code and
 * latency, alerts. Tests and bug reports read it; the console draws it as a ladder diagram.
 */
public final class Timeline {

    /** One line of the timeline. {@code kind}: status, verb, media, webhook, alert, leg. */
    public record Entry(Instant at, String callSid, String kind, String text) {
        @Override
        public String toString() {
            return at + " " + callSid + " " + kind + " " + text;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(Instant at, String callSid, String kind, String text) {
        entries.add(new Entry(at, callSid, kind, text));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<Entry> of(String kind) {
        return entries.stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
