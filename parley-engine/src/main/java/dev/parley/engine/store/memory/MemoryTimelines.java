package dev.parley.engine.store.memory;

import dev.parley.engine.store.StoredCall;
import dev.parley.engine.store.TimelineEntry;
import dev.parley.engine.store.TimelineStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Calls' timelines in memory: each call's lines, numbered in the order appended across all calls. */
final class MemoryTimelines implements TimelineStore {

    /** A line and its place in the order of all appends (the JDBC store's sequence column). */
    private record Line(long seq, TimelineEntry entry) {
    }

    /** The lines of every call, by call SID. */
    static final class Lines {
        private final Map<String, List<Line>> byCall = new HashMap<>();
        private long lastSeq;

        /** A call's timeline goes with its record. */
        void deleteCall(String callSid) {
            byCall.remove(callSid);
        }
    }

    private final InMemoryStore.Tables tables;

    MemoryTimelines(InMemoryStore.Tables tables) {
        this.tables = tables;
    }

    @Override
    public boolean append(TimelineEntry e) {
        synchronized (tables) {
            if (tables.calls.fetch(e.accountSid(), e.callSid()).isEmpty()) return false;
            Lines lines = tables.timelines;
            lines.byCall.computeIfAbsent(e.callSid(), sid -> new ArrayList<>()).add(new Line(++lines.lastSeq,
                new TimelineEntry(e.accountSid(), e.callSid(), Micros.of(e.at()), e.kind(), e.text())));
            return true;
        }
    }

    @Override
    public List<TimelineEntry> of(String accountSid, String callSid) {
        synchronized (tables) {
            return lines(accountSid, callSid).map(Line::entry).toList();
        }
    }

    @Override
    public List<TimelineEntry> withLegs(String accountSid, String callSid) {
        synchronized (tables) {
            Optional<String> parent = Optional.of(callSid);
            Stream<Line> legs = tables.calls.all(c -> c.parentCallSid().equals(parent)).stream()
                .map(StoredCall::sid).flatMap(leg -> lines(accountSid, leg));
            return Stream.concat(lines(accountSid, callSid), legs).sorted(Comparator.comparingLong(Line::seq))
                .map(Line::entry).toList();
        }
    }

    private Stream<Line> lines(String accountSid, String callSid) {
        return tables.timelines.byCall.getOrDefault(callSid, List.of()).stream()
            .filter(l -> l.entry().accountSid().equals(accountSid));
    }
}
