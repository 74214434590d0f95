package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.ConversationServices;
import dev.parley.engine.conversation.Participant;
import dev.parley.engine.conversation.Participants;
import dev.parley.server.http.Params;
import dev.parley.server.v1.Owners;
import dev.parley.server.v1.Product;
import dev.parley.server.v1.V1Paging;
import dev.parley.server.v1.V1Resource;
import dev.parley.server.v1.V1Router;
import io.javalin.http.Context;

/**
 * The participants of a conversation (named by SID or unique name), on a named service's path and on the default
 * one's: add, list (in the order they were added, {@code PageSize} up to 100), and fetch / update / remove by SID
 * or identity. Adding a chat participant is how an app's custom routing assigns the worker that a waiting
 * {@code <Connect><Conversation>} session dials: the domain's listeners hear of it at once.
 */
final class ParticipantsRoutes implements V1Resource {

    private final Participants participants;
    private final ConversationServices services;
    private final Owners owners;

    ParticipantsRoutes(Participants participants, ConversationServices services, Owners owners) {
        this.participants = participants;
        this.services = services;
        this.owners = owners;
    }

    @Override
    public void addTo(V1Router router) {
        for (String scope : ServiceScope.PATHS) {
            String list = scope + "/Conversations/{ConversationSid}/Participants";
            String one = list + "/{Sid}";
            router.post(Product.CONVERSATIONS, list, this::create);
            router.get(Product.CONVERSATIONS, list, this::list);
            router.get(Product.CONVERSATIONS, one, ctx -> {
                ServiceScope s = scope(ctx);
                ctx.json(ParticipantView.of(ctx, s, participants.fetch(s.accountSid(), s.serviceSid(),
                    ctx.pathParam("ConversationSid"), ctx.pathParam("Sid"))));
            });
            router.post(Product.CONVERSATIONS, one, this::update);
            router.delete(Product.CONVERSATIONS, one, ctx -> {
                WebhookEnabledHeader.check(ctx);
                ServiceScope s = scope(ctx);
                participants.remove(s.accountSid(), s.serviceSid(), ctx.pathParam("ConversationSid"),
                    ctx.pathParam("Sid"));
                ctx.status(204);
            });
        }
    }

    private void create(Context ctx) {
        WebhookEnabledHeader.check(ctx);
        ServiceScope s = scope(ctx);
        Participant added = participants.add(s.accountSid(), s.serviceSid(), ctx.pathParam("ConversationSid"),
            ParticipantForm.create(Params.of(ctx)));
        ctx.status(201).json(ParticipantView.of(ctx, s, added));
    }

    private void update(Context ctx) {
        WebhookEnabledHeader.check(ctx);
        ServiceScope s = scope(ctx);
        Participant changed = participants.update(s.accountSid(), s.serviceSid(), ctx.pathParam("ConversationSid"),
            ctx.pathParam("Sid"), ParticipantForm.update(Params.of(ctx)));
        ctx.json(ParticipantView.of(ctx, s, changed));
    }

    private void list(Context ctx) {
        ServiceScope s = scope(ctx);
        ctx.json(V1Paging.page(ctx, Params.of(ctx), 100, "participants",
            participants.list(s.accountSid(), s.serviceSid(), ctx.pathParam("ConversationSid")), Participant::sid,
            p -> ParticipantView.of(ctx, s, p)));
    }

    private ServiceScope scope(Context ctx) {
        return ServiceScope.of(ctx, owners, services);
    }
}
