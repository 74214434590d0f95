package dev.parley.server.v1.frontline;

import dev.parley.engine.conversation.Workers;
import dev.parley.server.http.Params;
import dev.parley.server.v1.Owners;
import dev.parley.server.v1.Product;
import dev.parley.server.v1.V1Resource;
import dev.parley.server.v1.V1Router;
import io.javalin.http.Context;

/**
 * Twilio's Frontline v1 API ({@code frontline-api.twilio.com}): {@code /v1/Users/{Sid}}, fetch and update, where
 * {@code Sid} is the user's {@code US…} SID or its identity. Twilio creates users at their first SSO login;
 * Parley's operators create them at {@code /parley/v1/Frontline/Users}.
 */
public final class UsersRoutes implements V1Resource {

    private static final String USER = "/v1/Users/{Sid}";

    private final Workers workers;
    private final Owners owners;

    public UsersRoutes(Workers workers, Owners owners) {
        this.workers = workers;
        this.owners = owners;
    }

    @Override
    public void addTo(V1Router router) {
        router.get(Product.FRONTLINE, USER, ctx -> ctx.json(UserView.of(ctx, workers.fetch(account(ctx), sid(ctx)))));
        router.post(Product.FRONTLINE, USER, ctx -> ctx.json(UserView.of(ctx,
            workers.update(account(ctx), sid(ctx), UserForm.read(Params.of(ctx), false)))));
    }

    private String account(Context ctx) {
        return owners.ofWorker(ctx, sid(ctx));
    }

    private static String sid(Context ctx) {
        return ctx.pathParam("Sid");
    }
}
