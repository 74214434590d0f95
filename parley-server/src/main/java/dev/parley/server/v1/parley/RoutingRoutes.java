package dev.parley.server.v1.parley;

import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.ConversationServices;
import dev.parley.engine.conversation.Routing;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;
import dev.parley.server.http.Routes;
import dev.parley.server.v1.Owners;
import dev.parley.twiml.UrlResolver;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Optional;

/**
 * {@code /parley/v1/Services/{ChatServiceSid}/Routing}: how a service routes the conversations that calls create
 * (Frontline's inbound routing, a console setting at Twilio, not part of its APIs). {@code GET} reads it;
 * {@code POST} sets {@code Mode}: {@code none} (the app adds a worker itself), {@code pool} (the available worker
 * least recently given one) or {@code custom} with {@code CallbackUrl}, which Parley POSTs, signed, with
 * {@code ConversationSid}, {@code MessagingBinding.Address} and {@code MessagingBinding.ProxyAddress}; the app adds
 * the worker through {@code /v1/Conversations/{Sid}/Participants}.
 */
final class RoutingRoutes implements Routes {

    private final ConversationServices services;
    private final Owners owners;

    RoutingRoutes(ConversationServices services, Owners owners) {
        this.services = services;
        this.owners = owners;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.get(ParleyPaths.ROUTING, ctx -> ctx.json(RoutingView.of(ctx, service(ctx))));
        routing.post(ParleyPaths.ROUTING, this::update);
    }

    private void update(Context ctx) {
        ConversationService service = service(ctx);
        Params params = Params.of(ctx);
        Routing routing = routing(params.required("Mode"), params.first("CallbackUrl").filter(v -> !v.isBlank()));
        ctx.json(RoutingView.of(ctx, services.route(service.accountSid(), service.sid(), routing)));
    }

    private static Routing routing(String mode, Optional<String> callbackUrl) {
        if (!mode.equals("custom") && callbackUrl.isPresent()) {
            throw ApiException.badRequest("CallbackUrl is for Mode custom only");
        }
        return switch (mode) {
            case "none" -> Routing.none();
            case "pool" -> Routing.pool();
            case "custom" -> {
                String url = callbackUrl.orElseThrow(() -> ApiException.missing("CallbackUrl"));
                if (!UrlResolver.isAbsoluteHttp(url)) {
                    throw new ApiException(400, 21402, "Invalid Url: CallbackUrl must be an absolute http(s) URL, got '"
                        + url + "'");
                }
                yield Routing.custom(url);
            }
            default -> throw ApiException.badRequest("Invalid Mode: " + Params.quoted(mode) + " (none, pool or custom)");
        };
    }

    private ConversationService service(Context ctx) {
        String sid = ctx.pathParam("ChatServiceSid");
        return services.fetch(owners.ofService(ctx, sid), sid);
    }
}
