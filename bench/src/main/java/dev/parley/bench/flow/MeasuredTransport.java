package dev.parley.bench.flow;

import dev.parley.engine.webhook.WebhookOutcome;
import dev.parley.engine.webhook.WebhookRequest;
import dev.parley.engine.webhook.WebhookTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one webhook transport of a load run, measured: the engine sends through it, and the raw exchange sends
 * through it too, so both measure the same HTTP client. It records each outcome's latency (as the transport
 * measured it, retries and redirects included) and counts failures; it can also keep the requests it sends, so
 * that the raw exchange can replay the exact requests of a real flow.
 */
final class MeasuredTransport implements WebhookTransport {

    /** What one run sent. A failure is an outcome without a 2xx response. */
    static final class Tally {
        final Latencies latencies = new Latencies();
        /** Outcomes (not requests sent): a webhook counts once its outcome is in. */
        final AwaitableCount requests = new AwaitableCount();
        final LongAdder failures = new LongAdder();
        /** The first failure, to say what went wrong. */
        final AtomicReference<WebhookOutcome> firstFailure = new AtomicReference<>();
    }

    private final WebhookTransport transport;
    private volatile Tally tally = new Tally();
    private volatile List<WebhookRequest> kept;

    MeasuredTransport(WebhookTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** Starts counting a new run and returns its tally. */
    Tally start() {
        Tally next = new Tally();
        tally = next;
        return next;
    }

    /** Keeps every request sent from now until {@link #stopKeeping()}. */
    void keepRequests() {
        kept = new ArrayList<>();
    }

    /** The requests sent since {@link #keepRequests()}, in the order they were sent; stops keeping them. */
    List<WebhookRequest> stopKeeping() {
        List<WebhookRequest> requests = kept;
        kept = null;
        if (requests == null) return List.of();
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public WebhookOutcome send(WebhookRequest request) {
        List<WebhookRequest> keep = kept;
        if (keep != null) {
            synchronized (keep) {
                keep.add(request);
            }
        }
        Tally current = tally;
        WebhookOutcome outcome = transport.send(request);
        current.latencies.add(outcome.latency());
        if (!(outcome instanceof WebhookOutcome.Delivered delivered) || !delivered.successful()) {
            current.failures.increment();
            current.firstFailure.compareAndSet(null, outcome);
        }
        current.requests.increment();
        return outcome;
    }
}
