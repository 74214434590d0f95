package dev.parley.bench.flow;

import dev.parley.engine.webhook.WebhookRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference for the engine's webhook rate: how fast the same transport exchanges the same requests with the
 * same app at the same concurrency, with no engine around it. {@code concurrency} virtual threads send, back to
 * back, the requests a real flow sent (kept by the {@link MeasuredTransport} during a pilot flow), in turn, each
 * with a fresh idempotency token as the engine gives every request.
 */
final class RawExchange {

    private final MeasuredTransport transport;
    private final List<WebhookRequest> requests;
    private final int concurrency;
    private final Duration deadline;

    RawExchange(MeasuredTransport transport, List<WebhookRequest> requests, int concurrency, Duration deadline) {
        if (requests.isEmpty()) throw new IllegalArgumentException("no requests to replay");
        this.transport = transport;
        this.requests = List.copyOf(requests);
        this.concurrency = concurrency;
        this.deadline = deadline;
    }

    /** Sends {@code count} requests and returns the time it took. */
    Duration exchange(long count) {
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < concurrency; t++) {
                senders.execute(() -> {
                    for (long k = next.getAndIncrement(); k < count; k = next.getAndIncrement()) {
                        WebhookRequest request = requests.get((int) (k % requests.size()));
                        transport.send(request.withIdempotencyToken(UUID.randomUUID().toString()));
                    }
                });
            }
            senders.shutdown();
            if (!senders.awaitTermination(deadline.toNanos(), TimeUnit.NANOSECONDS)) {
                senders.shutdownNow();
                throw new LoadFailure("the raw exchange did not finish " + count + " requests within "
                    + deadline.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailure("interrupted");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
