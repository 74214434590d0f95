package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.ConversationServices;
import dev.parley.engine.conversation.ConversationState;
import dev.parley.engine.conversation.Conversations;
import dev.parley.server.http.Params;
import dev.parley.server.v1.Owners;
import dev.parley.server.v1.Product;
import dev.parley.server.v1.V1Dates;
import dev.parley.server.v1.V1Paging;
import dev.parley.server.v1.V1Resource;
import dev.parley.server.v1.V1Router;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Conversations, on a named service ({@code /v1/Services/{ChatServiceSid}/Conversations}) and on the default one
 * ({@code /v1/Conversations}): create, fetch / update / delete by SID or unique name, and list with Twilio's filters
 * {@code State}, {@code StartDate} and {@code EndDate} (creation date, both ends included; with a date filter the
 * newest come first, as Twilio documents; else creation order), {@code PageSize} up to 100.
 */
final class ConversationsRoutes implements V1Resource {

    private final Conversations conversations;
    private final ConversationServices services;
    private final Owners owners;

    ConversationsRoutes(Conversations conversations, ConversationServices services, Owners owners) {
        this.conversations = conversations;
        this.services = services;
        this.owners = owners;
    }

    @Override
    public void addTo(V1Router router) {
        for (String scope : ServiceScope.PATHS) {
            String list = scope + "/Conversations";
            String one = list + "/{Sid}";
            router.post(Product.CONVERSATIONS, list, this::create);
            router.get(Product.CONVERSATIONS, list, this::list);
            router.get(Product.CONVERSATIONS, one, ctx -> {
                ServiceScope s = scope(ctx);
                ctx.json(ConversationView.of(ctx, s,
                    conversations.fetch(s.accountSid(), s.serviceSid(), ctx.pathParam("Sid"))));
            });
            router.post(Product.CONVERSATIONS, one, this::update);
            router.delete(Product.CONVERSATIONS, one, ctx -> {
                WebhookEnabledHeader.check(ctx);
                ServiceScope s = scope(ctx);
                conversations.delete(s.accountSid(), s.serviceSid(), ctx.pathParam("Sid"));
                ctx.status(204);
            });
        }
    }

    private void create(Context ctx) {
        WebhookEnabledHeader.check(ctx);
        ServiceScope s = scope(ctx);
        Conversation created = conversations.create(s.accountSid(), s.serviceSid(), ConversationForm.read(Params.of(ctx)));
        ctx.status(201).json(ConversationView.of(ctx, s, created));
    }

    private void update(Context ctx) {
        WebhookEnabledHeader.check(ctx);
        ServiceScope s = scope(ctx);
        ctx.json(ConversationView.of(ctx, s, conversations.update(s.accountSid(), s.serviceSid(), ctx.pathParam("Sid"),
            ConversationForm.read(Params.of(ctx)))));
    }

    private void list(Context ctx) {
        ServiceScope s = scope(ctx);
        Params params = Params.of(ctx);
        Optional<ConversationState> state = params.first("State").map(ConversationForm::state);
        Optional<Instant> start = V1Dates.start(params, "StartDate");
        Optional<Instant> end = V1Dates.end(params, "EndDate");
        List<Conversation> found = conversations.list(s.accountSid(), s.serviceSid(), state).stream()
            .filter(c -> V1Dates.within(c.dateCreated(), start, end)).toList();
        if (start.isPresent() || end.isPresent()) {
            found = found.stream().sorted(Comparator.comparing(Conversation::dateCreated).reversed()).toList();
        }
        ctx.json(V1Paging.page(ctx, params, 100, "conversations", found, Conversation::sid,
            c -> ConversationView.of(ctx, s, c)));
    }

    private ServiceScope scope(Context ctx) {
        return ServiceScope.of(ctx, owners, services);
    }
}
