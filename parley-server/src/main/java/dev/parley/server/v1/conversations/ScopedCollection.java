package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.ConversationServices;
import dev.parley.server.v1.Owners;
import dev.parley.server.v1.Product;
import dev.parley.server.v1.V1Resource;
import dev.parley.server.v1.V1Router;
import io.javalin.http.Context;

/**
 * A Conversations resource served on both {@link ServiceScope#PATHS} (a named service's and the default one's) with
 * Twilio's five operations and their statuses: create ({@code 201}), list, fetch, update ({@code 200}) and delete
 * ({@code 204}, no body) of {@code {collection}/{Sid}}. Create, update and delete take the
 * {@code X-Twilio-Webhook-Enabled} header ({@link WebhookEnabledHeader}).
 */
abstract class ScopedCollection implements V1Resource {

    private final String collection;
    private final Owners owners;
    private final ConversationServices services;

    /** @param collection the collection's path below the scope, e.g. {@code /Conversations} */
    ScopedCollection(String collection, Owners owners, ConversationServices services) {
        this.collection = collection;
        this.owners = owners;
        this.services = services;
    }

    abstract Object create(Context ctx, ServiceScope scope);

    abstract Object list(Context ctx, ServiceScope scope);

    abstract Object fetch(Context ctx, ServiceScope scope);

    abstract Object update(Context ctx, ServiceScope scope);

    abstract void delete(Context ctx, ServiceScope scope);

    @Override
    public final void addTo(V1Router router) {
        for (String scope : ServiceScope.PATHS) {
            String list = scope + collection;
            String one = list + "/{Sid}";
            router.post(Product.CONVERSATIONS, list, ctx -> {
                WebhookEnabledHeader.check(ctx);
                ctx.status(201).json(create(ctx, scope(ctx)));
            });
            router.get(Product.CONVERSATIONS, list, ctx -> ctx.json(list(ctx, scope(ctx))));
            router.get(Product.CONVERSATIONS, one, ctx -> ctx.json(fetch(ctx, scope(ctx))));
            router.post(Product.CONVERSATIONS, one, ctx -> {
                WebhookEnabledHeader.check(ctx);
                ctx.json(update(ctx, scope(ctx)));
            });
            router.delete(Product.CONVERSATIONS, one, ctx -> {
                WebhookEnabledHeader.check(ctx);
                delete(ctx, scope(ctx));
                ctx.status(204);
            });
        }
    }

    private ServiceScope scope(Context ctx) {
        return ServiceScope.of(ctx, owners, services);
    }
}
