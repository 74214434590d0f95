package dev.parley.server.v1.parley;

import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.Routing;
import dev.parley.server.http.Links;
import io.javalin.http.Context;

/**
 * A service's routing as Parley's operators see it: {@code mode} ({@code none}, {@code pool} or {@code custom})
 * and, for custom routing, {@code callback_url}.
 */
record RoutingView(String accountSid, String chatServiceSid, String mode, String callbackUrl, String url) {

    static RoutingView of(Context ctx, ConversationService service) {
        String url = Links.absolute(ctx, ParleyPaths.ROUTING.replace("{ChatServiceSid}", service.sid()));
        return switch (service.routing()) {
            case Routing.None none -> new RoutingView(service.accountSid(), service.sid(), "none", null, url);
            case Routing.Pool pool -> new RoutingView(service.accountSid(), service.sid(), "pool", null, url);
            case Routing.Custom custom ->
                new RoutingView(service.accountSid(), service.sid(), "custom", custom.callbackUrl(), url);
        };
    }
}
