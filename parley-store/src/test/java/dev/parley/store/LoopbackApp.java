package dev.parley.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.security.RequestValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A voice app on a loopback port of its own that can be down (nothing listens) and come up again on the same port,
 * as an app that Parley's callbacks must wait for. Paths given TwiML answer it; every other path answers 204.
 * Every request is kept with its form and whether twilio-java's RequestValidator accepts its signature under the
 * account's token of the moment.
 */
final class LoopbackApp implements AutoCloseable {

    record Request(String path, Map<String, String> params, String idempotencyToken, boolean signatureValid) {
        String param(String name) {
            return params.get(name);
        }
    }

    private final int port;
    private final Map<String, String> twiml = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile RequestValidator validator;
    private HttpServer server;

    /** An app, down, on a port that was free a moment ago. */
    LoopbackApp(String authToken) {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        authToken(authToken);
    }

    /** Signatures are checked with this token from now on. */
    void authToken(String token) {
        validator = new RequestValidator(token);
    }

    LoopbackApp twiml(String path, String xml) {
        twiml.put(path, xml);
        return this;
    }

    synchronized LoopbackApp up() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    synchronized void down() {
        if (server != null) server.stop(0);
        server = null;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : form.isEmpty() ? new String[0] : form.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String signature = exchange.getRequestHeaders().getFirst("X-Twilio-Signature");
        requests.add(new Request(path, params, exchange.getRequestHeaders().getFirst("I-Twilio-Idempotency-Token"),
            signature != null && validator.validate(url(path), params, signature)));
        String body = twiml.get(path);
        if (body == null) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        down();
    }
}
