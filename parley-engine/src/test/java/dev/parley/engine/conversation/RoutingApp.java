package dev.parley.engine.conversation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.security.RequestValidator;
import dev.parley.engine.webhook.Param;
import dev.parley.engine.webhook.Params;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

/**
 * A Frontline integration's routing endpoint on loopback: every request is kept with whether its
 * X-Twilio-Signature passes twilio-java's RequestValidator; the handler decides the status (and may add a
 * worker first, as an app does through the Conversations API).
 */
final class RoutingApp implements AutoCloseable {

    /** One request as the app saw it. */
    record Request(String method, Map<String, String> params, Map<String, String> headers, boolean signatureValid) {
    }

    static final String PATH = "/frontline/routing";

    private final HttpServer server;
    private final RequestValidator validator;
    private final ToIntFunction<Request> handler;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    RoutingApp(String authToken, ToIntFunction<Request> handler) {
        this.validator = new RequestValidator(authToken);
        this.handler = handler;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(PATH, this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = new LinkedHashMap<>();
            for (Param p : Params.parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))) {
                params.put(p.name(), p.value());
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            boolean valid = validator.validate(url(), params, headers.getOrDefault("x-twilio-signature", ""));
            Request request = new Request(exchange.getRequestMethod(), params, headers, valid);
            requests.add(request);
            exchange.sendResponseHeaders(handler.applyAsInt(request), -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
