package dev.parley.engine.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 (ephemeral port) that records what it receives and answers per path. */
final class LoopbackServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Received(String method, String url, Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The path and query as on the request line. */
        String target() {
            return url.substring(url.indexOf('/', "http://".length()));
        }
    }

    /** Answers one request; may block (each request has its own thread). */
    interface Handler {
        void handle(HttpExchange exchange, Received received) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    /** Released on close, so that handlers that never answer let the server stop. */
    final CountDownLatch closing = new CountDownLatch(1);

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Received r = new Received(exchange.getRequestMethod(), base() + exchange.getRequestURI(),
                    exchange.getRequestHeaders(), body);
                received.add(r);
                Handler handler = handlers.getOrDefault(exchange.getRequestURI().getRawPath(),
                    (ex, rec) -> respond(ex, 404, "text/plain", "no handler"));
                handler.handle(exchange, r);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:port} */
    String base() {
        return "http://127.0.0.1:" + port();
    }

    String url(String pathAndMore) {
        return base() + pathAndMore;
    }

    LoopbackServer on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Answers every request on the path with this status, type and body. */
    LoopbackServer answer(String path, int status, String contentType, String body) {
        return on(path, (ex, r) -> respond(ex, status, contentType, body));
    }

    /** Accepts requests on the path and never answers them. */
    LoopbackServer silent(String path) {
        return on(path, (ex, r) -> {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        respond(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
