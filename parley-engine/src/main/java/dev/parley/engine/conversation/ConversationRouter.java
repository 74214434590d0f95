package dev.parley.engine.conversation;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import dev.parley.engine.clock.Clock;
import dev.parley.engine.webhook.Params;
import dev.parley.engine.webhook.WebhookOutcome;
import dev.parley.engine.webhook.WebhookRequest;
import dev.parley.engine.webhook.WebhookTransport;
import dev.parley.twiml.HttpMethod;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a new conversation to a worker, the way its service's {@link Routing} says (Frontline's inbound
 * routing). Every way ends, if it ends well, in {@link Participants#add} of a chat participant whose identity is
 * the worker's, which is what the session waits for.
 */
public final class ConversationRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationRouter.class);

    private final Participants participants;
    private final Workers workers;
    private final WebhookTransport transport;
    private final Directory directory;
    private final Clock clock;
    private final Sids sids;

    public ConversationRouter(Participants participants, Workers workers, WebhookTransport transport,
                              Directory directory, Clock clock, Sids sids) {
        this.participants = participants;
        this.workers = workers;
        this.transport = transport;
        this.directory = directory;
        this.clock = clock;
        this.sids = sids;
    }

    /**
     * Starts routing the conversation. No routing: nothing happens. Pool routing: the next available worker is
     * added before this returns. Custom routing: the callback request goes out on a thread of its own (spawned on
     * the clock) and this returns at once.
     */
    public RoutingAttempt route(ConversationService service, Conversation conversation, Participant customer) {
        return switch (service.routing()) {
            case Routing.None none -> new RoutingAttempt(none, conversation.sid(),
                "no routing: service " + service.sid() + " routes no conversations", true);
            case Routing.Pool pool -> pool(pool, service, conversation);
            case Routing.Custom custom -> custom(custom, conversation, customer);
        };
    }

    /**
     * The form parameters of the custom routing callback: {@code ConversationSid}, {@code MessagingBinding.Address}
     * and {@code MessagingBinding.ProxyAddress} (what Frontline's routing callback carries and integrations read),
     * with {@code AccountSid} and {@code ChatServiceSid} as on every Conversations webhook.
     */
    static Params callbackParams(Conversation conversation, Participant customer) {
        return Params.of("AccountSid", conversation.accountSid(), "ChatServiceSid", conversation.chatServiceSid(),
            "ConversationSid", conversation.sid(), "MessagingBinding.Address", customer.address().orElse(""),
            "MessagingBinding.ProxyAddress", customer.proxyAddress().orElse(""));
    }

    private RoutingAttempt pool(Routing.Pool pool, ConversationService service, Conversation conversation) {
        Optional<Worker> next = workers.nextForPool(service.accountSid());
        if (next.isEmpty()) {
            return new RoutingAttempt(pool, conversation.sid(), "pool routing: no available worker", true);
        }
        String identity = next.get().identity();
        try {
            participants.add(service.accountSid(), service.sid(), conversation.sid(), ParticipantParams.chat(identity));
            return new RoutingAttempt(pool, conversation.sid(), "pool routing: assigned " + identity, true);
        } catch (ConversationException e) {
            return new RoutingAttempt(pool, conversation.sid(),
                "pool routing: could not add " + identity + ": " + e.code() + " " + e.getMessage(), true);
        }
    }

    private RoutingAttempt custom(Routing.Custom custom, Conversation conversation, Participant customer) {
        String url = custom.callbackUrl();
        RoutingAttempt attempt = new RoutingAttempt(custom, conversation.sid(),
            "custom routing: POST " + url + " pending", false);
        Optional<String> authToken = directory.account(conversation.accountSid()).map(Account::authToken);
        if (authToken.isEmpty()) {
            attempt.finish("custom routing: no account " + conversation.accountSid() + " to sign the callback");
            return attempt;
        }
        WebhookRequest request = WebhookRequest.of(HttpMethod.POST, url, callbackParams(conversation, customer),
            authToken.get()).withIdempotencyToken(sids.secret());
        clock.spawn("routing-" + conversation.sid(), () -> {
            try {
                WebhookOutcome outcome = transport.send(request);
                attempt.finish(outcome, "custom routing: POST " + url + " " + describe(outcome));
            } catch (RuntimeException e) {
                LOG.warn("custom routing of {} failed", conversation.sid(), e);
                attempt.finish("custom routing: POST " + url + " failed: " + e);
            }
        });
        return attempt;
    }

    private static String describe(WebhookOutcome outcome) {
        return switch (outcome) {
            case WebhookOutcome.Delivered d -> "answered " + d.status();
            case WebhookOutcome.Failed f -> "failed " + f.twilioErrorCode() + ": " + f.message();
        };
    }
}
