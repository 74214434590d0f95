package dev.parley.server.v1;

import dev.parley.engine.conversation.ConversationErrors;
import dev.parley.engine.conversation.ConversationException;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.Routes;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * A rule of the conversations domain that refused a request leaves as Twilio's error body with the domain's code
 * and status ({@link ConversationException#code()}, {@link ConversationException#status()}); an unknown resource
 * as Twilio words a 404, with the path asked for.
 */
public final class DomainErrors implements Routes {

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.exception(ConversationException.class, (e, ctx) -> {
            ApiException api = e.code() == ConversationErrors.NOT_FOUND ? ApiException.notFound(ctx.path())
                : new ApiException(e.status(), e.code(), e.getMessage());
            ctx.status(api.status()).json(api.body());
        });
    }
}
