package dev.parley.server.v1.conversations;

import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.ConversationServices;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;
import dev.parley.server.v1.Owners;
import dev.parley.server.v1.Product;
import dev.parley.server.v1.V1Links;
import dev.parley.server.v1.V1Resource;
import dev.parley.server.v1.V1Router;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/Configuration}: the account's {@code default_chat_service_sid}, the service that the non-service
 * paths act on (Frontline requires its service to be the default: custom routing adds the worker through
 * {@code /v1/Conversations/{Sid}/Participants}). {@code POST DefaultChatServiceSid} changes it. Parley has no
 * messaging services and no default timers: their fields are null, and setting them is refused (20001).
 */
final class ConfigurationRoutes implements V1Resource {

    private static final String PATH = "/v1/Configuration";
    private static final List<String> UNSUPPORTED =
        List.of("DefaultMessagingServiceSid", "DefaultInactiveTimer", "DefaultClosedTimer");

    private final ConversationServices services;
    private final Owners owners;

    ConfigurationRoutes(ConversationServices services, Owners owners) {
        this.services = services;
        this.owners = owners;
    }

    @Override
    public void addTo(V1Router router) {
        router.get(Product.CONVERSATIONS, PATH, ctx -> ctx.json(view(ctx, services.defaultService(owners.caller(ctx)))));
        router.post(Product.CONVERSATIONS, PATH, this::update);
    }

    private void update(Context ctx) {
        Params params = Params.of(ctx);
        for (String name : UNSUPPORTED) {
            if (params.has(name)) throw ApiException.badRequest("Parley does not support " + name);
        }
        String account = owners.caller(ctx);
        ConversationService service = params.first("DefaultChatServiceSid").filter(v -> !v.isBlank())
            .map(sid -> services.makeDefault(account, services.find(account, sid).orElseThrow(() ->
                new ApiException(404, 20404, "The requested resource " + ServiceView.path(sid) + " was not found")).sid()))
            .orElseGet(() -> services.defaultService(account));
        ctx.json(view(ctx, service));
    }

    private static Map<String, Object> view(Context ctx, ConversationService service) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account_sid", service.accountSid());
        out.put("default_chat_service_sid", service.sid());
        out.put("default_messaging_service_sid", null);
        out.put("default_inactive_timer", null);
        out.put("default_closed_timer", null);
        out.put("url", V1Links.url(ctx, PATH));
        Map<String, String> links = new LinkedHashMap<>();
        links.put("service", V1Links.url(ctx, ServiceView.path(service.sid()) + "/Configuration"));
        links.put("webhooks", V1Links.url(ctx, PATH + "/Webhooks"));
        out.put("links", links);
        return out;
    }
}
