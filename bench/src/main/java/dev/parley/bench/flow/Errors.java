package dev.parley.bench.flow;

import java.util.LinkedHashMap;
import java.util.Map;

/** What went wrong in a part of a load run, by kind; a run is only a result when there is nothing here. */
final class Errors {

    private final Map<String, Long> counts = new LinkedHashMap<>();

    /** The checks every part makes: the transport's failures, and the app's view of the requests it expected. */
    static Errors of(MeasuredTransport.Tally tally, FlowApp.Counts app, long expectedRequests) {
        return new Errors()
            .add("webhooks without a 2xx response, the first: " + tally.firstFailure.get(), tally.failures.sum())
            .add("requests with a bad X-Twilio-Signature", app.badSignatures())
            .add("requests the flow did not expect", app.unexpected())
            .add("requests missing or extra at the app", app.requests() - expectedRequests);
    }

    /** Counts a problem ({@code count} may be negative for "fewer than expected"; zero adds nothing). */
    Errors add(String what, long count) {
        if (count != 0) counts.merge(what, Math.abs(count), Long::sum);
        return this;
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        if (counts.isEmpty()) return "0";
        StringBuilder out = new StringBuilder().append(total()).append(" (");
        counts.forEach((what, count) -> out.append(count).append(' ').append(what).append(", "));
        out.setLength(out.length() - 2);
        return out.append(')').toString();
    }
}
