package dev.parley.server.v1;

import dev.parley.server.http.ApiException;
import dev.parley.server.http.BasicAuth;
import dev.parley.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paths of Twilio's v1 products. Paths collide across products (Conversations and Frontline both have
 * {@code /v1/Users}), so each endpoint is served twice:
 * <ul>
 *   <li>under its product's prefix, {@code /conversations/v1/Services}, for clients given a base URL per domain
 *       (twilio-node); the prefix wins whatever the {@code Host};</li>
 *   <li>bare, {@code /v1/Services}, as twilio-java sends it to the product's own host. The {@code Host} header
 *       dispatches: a Twilio product host ({@link Product#host()}) picks its product, and a path that product lacks
 *       is 404 there even when another product has it; any other Twilio host ({@code api.twilio.com}) has no v1
 *       paths; a host that is not Twilio's ({@code localhost:8080}) gets the first product that has the path.</li>
 * </ul>
 * Every v1 request authenticates with {@link BasicAuth}; the URLs in answers keep the prefix it came by
 * ({@link V1Links}).
 */
public final class V1Router implements Routes {

    /** The HTTP methods of the v1 APIs. */
    public enum Method { GET, POST, DELETE }

    private record Endpoint(Method method, String path, Product product, Handler handler) {
    }

    private final BasicAuth auth;
    private final List<Endpoint> endpoints = new ArrayList<>();

    public V1Router(BasicAuth auth, List<V1Resource> resources) {
        this.auth = auth;
        resources.forEach(r -> r.addTo(this));
    }

    public V1Router get(Product product, String path, Handler handler) {
        return add(Method.GET, product, path, handler);
    }

    public V1Router post(Product product, String path, Handler handler) {
        return add(Method.POST, product, path, handler);
    }

    public V1Router delete(Product product, String path, Handler handler) {
        return add(Method.DELETE, product, path, handler);
    }

    private V1Router add(Method method, Product product, String path, Handler handler) {
        if (!path.startsWith("/v1/")) throw new IllegalArgumentException("not a v1 path: " + path);
        endpoints.add(new Endpoint(method, path, product, handler));
        return this;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.before("/v1/*", auth::check);
        for (Product product : Product.values()) routing.before(product.prefix() + "/v1/*", auth::check);
        Map<String, List<Endpoint>> bare = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            Product product = e.product();
            register(routing, e.method(), product.prefix() + e.path(), ctx -> {
                V1Links.cameByPrefix(ctx, product);
                e.handler().handle(ctx);
            });
            bare.computeIfAbsent(e.method() + " " + e.path(), k -> new ArrayList<>()).add(e);
        }
        bare.values().forEach(candidates -> register(routing, candidates.getFirst().method(),
            candidates.getFirst().path(), ctx -> byHost(ctx, candidates).handler().handle(ctx)));
    }

    private static Endpoint byHost(Context ctx, List<Endpoint> candidates) {
        Optional<String> label = Product.twilioHostLabel(Optional.ofNullable(ctx.header("Host")).orElse(""));
        if (label.isEmpty()) return candidates.getFirst();
        Optional<Product> product = Product.ofHostLabel(label.get());
        return candidates.stream().filter(e -> product.filter(e.product()::equals).isPresent()).findFirst()
            .orElseThrow(() -> ApiException.notFound(ctx.path()));
    }

    private static void register(JavalinDefaultRoutingApi routing, Method method, String path, Handler handler) {
        switch (method) {
            case GET -> routing.get(path, handler);
            case POST -> routing.post(path, handler);
            case DELETE -> routing.delete(path, handler);
        }
    }
}
