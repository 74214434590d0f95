package dev.parley.sim.scenario;

import com.twilio.security.RequestValidator;
import dev.parley.engine.webhook.ConnectionOverrides;
import dev.parley.engine.webhook.Param;
import dev.parley.engine.webhook.Timeouts;
import dev.parley.engine.webhook.WebhookErrors;
import dev.parley.engine.webhook.WebhookOutcome;
import dev.parley.engine.webhook.WebhookRequest;
import dev.parley.engine.webhook.WebhookTransport;
import dev.parley.sim.VirtualClock;
import dev.parley.twiml.HttpMethod;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Webhooks delivered in memory to an {@link App}: fast enough for thousands of flows. The signature is still
 * checked with twilio-java's RequestValidator. An app that hangs holds the request until its read or total
 * timeout (Twilio's, or the URL's {@code #rt=}/{@code #tt=}) passes in virtual time, then fails it with 11205, as
 * the HTTP transport would.
 */
final class InProcessTransport implements WebhookTransport {

    /** The app's side: answers a request to one of its paths. */
    interface App {
        Answer answer(String method, String path, Map<String, String> params, boolean signatureValid);
    }

    /** What the app answers; {@code hang}: nothing, until the request times out. */
    record Answer(int status, String contentType, String body, boolean hang) {
        static Answer of(int status) {
            return new Answer(status, "text/plain", "", false);
        }

        static Answer twiml(String xml) {
            return new Answer(200, "text/xml", xml, false);
        }

        static Answer hanging() {
            return new Answer(0, "", "", true);
        }
    }

    private final App app;
    private final VirtualClock clock;
    private final RequestValidator validator;
    private final AtomicInteger inFlight = new AtomicInteger();

    InProcessTransport(App app, VirtualClock clock, String authToken) {
        this.app = app;
        this.clock = clock;
        this.validator = new RequestValidator(authToken);
    }

    /** Requests under way (a hanging one waits in virtual time). */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public WebhookOutcome send(WebhookRequest request) {
        inFlight.incrementAndGet();
        try {
            Map<String, String> params = new LinkedHashMap<>();
            for (Param p : request.params()) params.put(p.name(), p.value());
            boolean post = request.method() == HttpMethod.POST;
            boolean valid = validator.validate(request.wireUrl(), post ? params : Map.of(), request.signature());
            Answer answer = app.answer(request.method().name(), URI.create(request.documentUrl()).getPath(), params, valid);
            if (answer.hang()) {
                ConnectionOverrides overrides = request.overrides(Timeouts.TWILIO);
                Duration wait = overrides.readTimeout().compareTo(overrides.totalTimeout()) < 0
                    ? overrides.readTimeout() : overrides.totalTimeout();
                clock.<Object>mailbox().poll(clock.now().plus(wait));
                return new WebhookOutcome.Failed(WebhookErrors.HTTP_CONNECTION_FAILURE,
                    "no response from " + request.documentUrl() + " within " + wait.toMillis() + " ms", 1, wait);
            }
            return new WebhookOutcome.Delivered(answer.status(), answer.contentType(),
                answer.body().getBytes(StandardCharsets.UTF_8), request.documentUrl(), 1, Duration.ZERO);
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
