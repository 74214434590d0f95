package dev.parley.server.v1.conversations;

import dev.parley.server.http.ApiException;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * {@code X-Twilio-Webhook-Enabled: true|false}, which Twilio's Conversation and Participant create, update and
 * delete take: {@code true} makes a change made through the API fire the service's webhooks. Parley has no
 * Conversations webhooks yet, so either value changes nothing; another value is refused (20001).
 */
final class WebhookEnabledHeader {

    static final String NAME = "X-Twilio-Webhook-Enabled";

    private WebhookEnabledHeader() {
    }

    static void check(Context ctx) {
        String value = ctx.header(NAME);
        if (value == null) return;
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw ApiException.badRequest("Invalid " + NAME + " header: '" + value + "' (true or false)");
        }
    }
}
