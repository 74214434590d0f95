package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.ConversationServices;
import dev.parley.server.http.Params;
import dev.parley.server.v1.Owners;
import dev.parley.server.v1.Product;
import dev.parley.server.v1.V1Paging;
import dev.parley.server.v1.V1Resource;
import dev.parley.server.v1.V1Router;
import io.javalin.http.Context;

/**
 * {@code /v1/Services}: Conversations Services. Create ({@code FriendlyName} required), list (the caller's, in
 * creation order, {@code PageSize} up to 100), fetch, delete (with its conversations and participants).
 */
final class ServicesRoutes implements V1Resource {

    private static final String SERVICES = "/v1/Services";

    private final ConversationServices services;
    private final Owners owners;

    ServicesRoutes(ConversationServices services, Owners owners) {
        this.services = services;
        this.owners = owners;
    }

    @Override
    public void addTo(V1Router router) {
        router.post(Product.CONVERSATIONS, SERVICES, this::create);
        router.get(Product.CONVERSATIONS, SERVICES, this::list);
        router.get(Product.CONVERSATIONS, SERVICES + "/{Sid}", ctx -> ctx.json(ServiceView.of(ctx, existing(ctx))));
        router.delete(Product.CONVERSATIONS, SERVICES + "/{Sid}", ctx -> {
            ConversationService service = existing(ctx);
            services.delete(service.accountSid(), service.sid());
            ctx.status(204);
        });
    }

    private void create(Context ctx) {
        String name = Params.of(ctx).required("FriendlyName");
        ctx.status(201).json(ServiceView.of(ctx, services.create(owners.caller(ctx), name)));
    }

    private void list(Context ctx) {
        ctx.json(V1Paging.page(ctx, 100, "services", services.list(owners.caller(ctx)),
            ConversationService::sid, s -> ServiceView.of(ctx, s)));
    }

    private ConversationService existing(Context ctx) {
        String sid = ctx.pathParam("Sid");
        return services.fetch(owners.ofService(ctx, sid), sid);
    }
}
