package dev.parley.server.logging;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallObserver;
import dev.parley.engine.call.WebhookPurpose;
import dev.parley.engine.webhook.WebhookOutcome;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One log line per call event, with its facts as SLF4J key-value pairs ({@code event}, {@code call_sid},
 * {@code account_sid}, ...), which {@link LogFormat} writes as {@code key=value} text or JSON fields. Webhooks
 * without a 2xx answer log at WARN, the rest at INFO. Logger {@code parley.calls}.
 */
public final class CallEventLog implements CallObserver {

    static final Logger LOG = LoggerFactory.getLogger("parley.calls");

    @Override
    public void callCreated(Call call) {
        of(LOG.atInfo(), "call.created", call).addKeyValue("direction", call.direction().value())
            .addKeyValue("from", call.from()).addKeyValue("to", call.to())
            .log("call {} {} {} -> {}", call.sid(), call.direction().value(), call.from(), call.to());
    }

    @Override
    public void callEnded(Call call) {
        LoggingEventBuilder line = of(LOG.atInfo(), "call.ended", call).addKeyValue("status", call.status().value());
        call.duration().ifPresent(seconds -> line.addKeyValue("duration", seconds));
        line.log("call {} ended {}", call.sid(), call.status().value());
    }

    @Override
    public void webhookSent(String accountSid, Optional<String> callSid, WebhookPurpose purpose, String url,
                            WebhookOutcome outcome) {
        Optional<Integer> failure = purpose.failureCode(outcome);
        LoggingEventBuilder line = of(failure.isPresent() ? LOG.atWarn() : LOG.atInfo(), "webhook", accountSid, callSid)
            .addKeyValue("purpose", purpose.value()).addKeyValue("url", url)
            .addKeyValue("latency_ms", outcome.latency().toMillis()).addKeyValue("attempts", outcome.attempts());
        if (outcome instanceof WebhookOutcome.Delivered d) line.addKeyValue("http_status", d.status());
        failure.ifPresent(code -> line.addKeyValue("error_code", code));
        line.log("webhook {} {} {}", purpose.value(), url, failure.map(c -> "failed " + c).orElse("ok"));
    }

    private static LoggingEventBuilder of(LoggingEventBuilder builder, String event, Call call) {
        return of(builder, event, call.accountSid(), Optional.of(call.sid()));
    }

    private static LoggingEventBuilder of(LoggingEventBuilder builder, String event, String accountSid,
                                          Optional<String> callSid) {
        builder.addKeyValue("event", event);
        callSid.ifPresent(sid -> builder.addKeyValue("call_sid", sid));
        return builder.addKeyValue("account_sid", accountSid);
    }
}
