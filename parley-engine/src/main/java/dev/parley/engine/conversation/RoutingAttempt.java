package dev.parley.engine.conversation;

import dev.parley.engine.webhook.WebhookOutcome;
import java.util.Objects;
import java.util.Optional;

/**
 * What routing did for one new conversation, as it goes: for the session's timeline and for the text of alert
 * 32506 when no worker comes. Pool routing and no routing are done at once; custom routing is done when the
 * app's routing callback has answered or failed (the worker comes later, through the API). Thread-safe.
 */
public final class RoutingAttempt {

    private final Routing routing;
    private final String conversationSid;
    private volatile String status;
    private volatile boolean done;
    private volatile Optional<WebhookOutcome> callbackOutcome = Optional.empty();

    RoutingAttempt(Routing routing, String conversationSid, String status, boolean done) {
        this.routing = Objects.requireNonNull(routing, "routing");
        this.conversationSid = Objects.requireNonNull(conversationSid, "conversationSid");
        this.status = status;
        this.done = done;
    }

    public Routing routing() {
        return routing;
    }

    public String conversationSid() {
        return conversationSid;
    }

    /** What routing has done so far, e.g. {@code pool routing: assigned alice@example.com}. */
    public String status() {
        return status;
    }

    /** Whether routing has done its part. */
    public boolean done() {
        return done;
    }

    /** The custom routing callback's outcome, once there is one. */
    public Optional<WebhookOutcome> callbackOutcome() {
        return callbackOutcome;
    }

    void finish(String finalStatus) {
        status = finalStatus;
        done = true;
    }

    void finish(WebhookOutcome outcome, String finalStatus) {
        callbackOutcome = Optional.of(outcome);
        finish(finalStatus);
    }

    @Override
    public String toString() {
        return "RoutingAttempt[" + conversationSid + ": " + status + "]";
    }
}
