package dev.parley.server.metrics;

import dev.parley.server.http.Routes;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code GET /metrics}: Prometheus's text format. Without authentication, as Prometheus scrapers expect: it shows
 * counts and latencies, no SIDs, numbers or URLs; Parley listens on loopback unless told otherwise, and an
 * operator who opens it wider keeps {@code /metrics} behind the same firewall or proxy as the rest.
 */
public final class MetricsRoutes implements Routes {

    public static final String PATH = "/metrics";
    /** Prometheus's text exposition format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;

    public MetricsRoutes(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.get(PATH, ctx -> ctx.contentType(CONTENT_TYPE).result(metrics.scrape()));
    }
}
