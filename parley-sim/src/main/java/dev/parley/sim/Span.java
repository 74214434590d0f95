package dev.parley.sim;

import java.time.Instant;

/** A stretch of clock time, start included, end excluded: when a phone talked. */
record Span(Instant start, Instant end) {

    /** This span cut to {@code [from, to)}; may come out empty (end not after start). */
    Span clip(Instant from, Instant to) {
        Instant s = start.isBefore(from) ? from : start;
        Instant e = end.isAfter(to) ? to : end;
        return new Span(s, e.isBefore(s) ? s : e);
    }

    boolean isEmpty() {
        return !end.isAfter(start);
    }

    boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
