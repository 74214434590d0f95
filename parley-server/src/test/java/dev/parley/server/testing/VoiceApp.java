package dev.parley.server.testing;

import com.twilio.security.RequestValidator;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A TwiML app on loopback, as a developer would point Parley at: each path answers with TwiML (or 404), and every
 * request is kept with whether its X-Twilio-Signature passes twilio-java's RequestValidator.
 */
public final class VoiceApp implements AutoCloseable {

    /** A request Parley made to the app. */
    public record Request(String method, String path, Map<String, String> params, boolean signatureValid) {
        public String param(String name) {
            return params.get(name);
        }
    }

    private final RequestValidator validator;
    private final Map<String, Function<Request, String>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final Javalin app;

    public VoiceApp(String authToken) {
        this.validator = new RequestValidator(authToken);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/*", this::handle);
            config.routes.post("/*", this::handle);
        }).start("127.0.0.1", 0);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    /** Answers {@code path} with this TwiML. */
    public VoiceApp twiml(String path, String xml) {
        return route(path, request -> xml);
    }

    /** Answers {@code path} with the TwiML the function makes of the request. */
    public VoiceApp route(String path, Function<Request, String> twiml) {
        routes.put(path, twiml);
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(Context ctx) {
        Map<String, String> form = new LinkedHashMap<>();
        if (ctx.method().name().equals("POST")) ctx.formParamMap().forEach((k, v) -> form.put(k, v.getFirst()));
        Map<String, String> params = new LinkedHashMap<>(form);
        ctx.queryParamMap().forEach((k, v) -> params.put(k, v.getFirst()));
        String signature = ctx.header("X-Twilio-Signature");
        boolean valid = signature != null && validator.validate(ctx.fullUrl(), form, signature);
        Request request = new Request(ctx.method().name(), ctx.path(), params, valid);
        synchronized (this) {
            requests.add(request);
        }
        Function<Request, String> route = routes.get(ctx.path());
        if (route == null) {
            ctx.status(404);
        } else {
            ctx.contentType("text/xml").result(route.apply(request));
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
