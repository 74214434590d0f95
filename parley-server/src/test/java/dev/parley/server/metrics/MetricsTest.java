package dev.parley.server.metrics;

import static dev.parley.server.testing.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.TimeHold;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} after real calls through Parley (virtual time, a loopback app). */
class MetricsTest {

    private static final String CALLER = "+15557770001";

    private final TestParley parley = new TestParley();

    @AfterEach
    void close() {
        parley.close();
    }

    private Scrape scrape() {
        Http.Text metrics = Http.anonymous(parley.url()).getText("/metrics");
        assertThat(metrics.status()).as("no credentials needed").isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain; version=0.0.4");
        return new Scrape(metrics.body());
    }

    private String call() {
        parley.http.post("/parley/v1/Phones", "Address", CALLER);
        return parley.http.post("/parley/v1/Phones/" + encode(CALLER) + "/Calls", "To", TestParley.NUMBER)
            .json().get("call_sid").asText();
    }

    @Test
    void callSetupsWebhookLatencyAndFailuresAfterCalls() {
        parley.app.twiml("/voice", "<Response><Say>Hi</Say><Redirect>/missing</Redirect></Response>");
        assertThat(scrape().value("parley_call_setups_total", "direction=inbound")).contains(0.0);

        parley.awaitEnded(call());
        parley.awaitEnded(call());

        Scrape scrape = scrape();
        assertThat(scrape.value("parley_call_setups_total", "direction=inbound")).contains(2.0);
        assertThat(scrape.value("parley_call_setups_total", "direction=outbound-api")).contains(0.0);
        assertThat(scrape.value("parley_calls_live")).contains(0.0);
        assertThat(scrape.value("parley_webhook_duration_seconds_count", "purpose=twiml", "outcome=success"))
            .contains(2.0);
        assertThat(scrape.value("parley_webhook_duration_seconds_count", "purpose=twiml", "outcome=error-status"))
            .contains(2.0);
        assertThat(scrape.value("parley_webhook_duration_seconds_bucket", "purpose=twiml", "outcome=success",
            "le=+Inf")).contains(2.0);
        assertThat(scrape.value("parley_webhook_duration_seconds_sum", "purpose=twiml", "outcome=success"))
            .hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
        assertThat(scrape.value("parley_webhook_failures_total", "code=11217", "purpose=twiml")).contains(2.0);
        assertThat(scrape.value("jvm_memory_used_bytes")).isPresent();
        assertThat(scrape.value("jvm_threads_live_threads")).isPresent();
    }

    @Test
    void liveCallsCountCallsWhileTheyRun() {
        parley.app.twiml("/voice", "<Response><Pause length=\"30\"/></Response>");
        String callSid;
        try (TimeHold hold = TimeHold.freeze(parley.clock)) {
            callSid = call();
            hold.until(Duration.ofSeconds(10));
            assertThat(scrape().value("parley_calls_live")).contains(1.0);
        }
        parley.awaitEnded(callSid);
        assertThat(scrape().value("parley_calls_live")).contains(0.0);
    }

    @Test
    void failedWebhooksCountByTheirCode() {
        parley.parley.directory().addNumber(TestParley.ACCOUNT_SID, "+15550002000", "http://127.0.0.1:1/voice",
            parley.clock.now());
        parley.http.post("/parley/v1/Phones", "Address", CALLER);
        String callSid = parley.http.post("/parley/v1/Phones/" + encode(CALLER) + "/Calls", "To", "+15550002000")
            .json().get("call_sid").asText();
        parley.awaitEnded(callSid);

        Scrape scrape = scrape();
        assertThat(scrape.value("parley_webhook_failures_total", "code=11205", "purpose=twiml")).contains(1.0);
        assertThat(scrape.value("parley_webhook_duration_seconds_count", "purpose=twiml", "outcome=failed"))
            .contains(1.0);
    }

    @Test
    void callbacksTheOutboxDeliversCountByTheirPurposeAndTheCodeOfTheirAlert() {
        parley.app.twiml("/voice", "<Response><Say>Hi</Say></Response>");
        assertThat(parley.http.post("/parley/v1/PhoneNumbers", "PhoneNumber", "+15550003000", "VoiceUrl",
            parley.app.url("/voice"), "StatusCallback", parley.app.url("/no-such-status")).status()).isEqualTo(201);
        parley.http.post("/parley/v1/Phones", "Address", CALLER);
        String callSid = parley.http.post("/parley/v1/Phones/" + encode(CALLER) + "/Calls", "To", "+15550003000")
            .json().get("call_sid").asText();
        parley.awaitEnded(callSid);
        parley.await(() -> parley.app.requests("/no-such-status").size() == 1
            && !parley.parley.engine().alertsOf(callSid).isEmpty());

        Scrape scrape = scrape();
        assertThat(scrape.value("parley_webhook_duration_seconds_count", "purpose=status-callback",
            "outcome=error-status")).contains(1.0);
        assertThat(scrape.value("parley_webhook_failures_total", "code=11200", "purpose=status-callback"))
            .as("the code of the alert the callback raised, not the TwiML fetch's 11217").contains(1.0);
        assertThat(parley.parley.engine().alertsOf(callSid)).singleElement()
            .satisfies(alert -> assertThat(alert.errorCode()).isEqualTo(11200));
    }
}
