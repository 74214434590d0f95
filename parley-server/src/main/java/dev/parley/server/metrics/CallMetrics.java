package dev.parley.server.metrics;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.call.CallObserver;
import dev.parley.engine.call.WebhookPurpose;
import dev.parley.engine.webhook.WebhookOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;

/**
 * The engine's calls and webhooks as Micrometer meters, named so that Prometheus shows them as
 * <ul>
 *   <li>{@code parley_calls_live}: calls whose TwiML runs now (inbound and API calls; a dialled leg lives
 *       within its parent's run)</li>
 *   <li>{@code parley_call_setups_total{direction}}: calls set up, by Twilio's {@code Direction}
 *       ({@code inbound}, {@code outbound-api}, {@code outbound-dial})</li>
 *   <li>{@code parley_webhook_duration_seconds{purpose,outcome}}: a histogram of webhook latency (retries
 *       included), by {@link WebhookPurpose} and outcome: {@code success} (2xx), {@code error-status} (another
 *       answer), {@code failed} (no answer)</li>
 *   <li>{@code parley_webhook_failures_total{code,purpose}}: webhooks without a 2xx answer, by the Twilio error
 *       code they earn ({@link WebhookPurpose#failureCode}: the code of the alert a callback raises)</li>
 * </ul>
 */
public final class CallMetrics implements CallObserver {

    private final MeterRegistry registry;

    public CallMetrics(MeterRegistry registry, CallEngine engine) {
        this.registry = registry;
        Gauge.builder("parley.calls.live", engine, CallEngine::liveCalls)
            .description("Calls whose TwiML is running now").register(registry);
        for (String direction : new String[] {"inbound", "outbound-api", "outbound-dial"}) {
            setups(direction);
        }
    }

    @Override
    public void callCreated(Call call) {
        setups(call.direction().value()).increment();
    }

    @Override
    public void webhookSent(String accountSid, Optional<String> callSid, WebhookPurpose purpose, String url,
                            WebhookOutcome outcome) {
        String result = switch (outcome) {
            case WebhookOutcome.Delivered d when d.successful() -> "success";
            case WebhookOutcome.Delivered d -> "error-status";
            case WebhookOutcome.Failed f -> "failed";
        };
        Timer.builder("parley.webhook.duration").description("Webhook latency, from the first byte to the outcome")
            .tags("purpose", purpose.value(), "outcome", result).publishPercentileHistogram()
            .register(registry).record(outcome.latency());
        purpose.failureCode(outcome).ifPresent(code -> Counter.builder("parley.webhook.failures")
            .description("Webhooks without a 2xx answer, by Twilio error code")
            .tags("code", String.valueOf(code), "purpose", purpose.value()).register(registry).increment());
    }

    /** Registered up front for every direction, so a scrape shows 0 rather than nothing. */
    private Counter setups(String direction) {
        return Counter.builder("parley.call.setups").description("Calls set up, by direction")
            .tag("direction", direction).register(registry);
    }
}
