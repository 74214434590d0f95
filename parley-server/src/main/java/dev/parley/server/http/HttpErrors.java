package dev.parley.server.http;

import dev.parley.engine.account.AccountException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure leaves as Twilio's error body, whatever raised it: a handler, an engine rule, Javalin itself. */
public final class HttpErrors implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.exception(ApiException.class, (e, ctx) -> send(ctx, e));
        routing.exception(AccountException.class, (e, ctx) -> send(ctx, ApiException.of(e)));
        routing.exception(HttpResponseException.class, (e, ctx) -> send(ctx, translate(e, ctx)));
        routing.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, new ApiException(500, 20500, "Internal Server Error"));
        });
    }

    /** Javalin's own refusals (no such endpoint, wrong method, unreadable body) in Twilio's codes. */
    private static ApiException translate(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> ApiException.notFound(ctx.path());
            case 405 -> new ApiException(405, 20004, "Method not allowed");
            case 401 -> new ApiException(401, 20003, "Authenticate");
            default -> new ApiException(e.getStatus(), e.getStatus() == 400 ? 20001 : 20500, e.getMessage());
        };
    }

    private static void send(Context ctx, ApiException e) {
        ctx.status(e.status()).json(e.body());
    }
}
