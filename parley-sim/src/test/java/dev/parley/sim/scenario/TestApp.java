package dev.parley.sim.scenario;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.security.RequestValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A voice app on loopback for scenario tests: routes answer with TwiML (or failures); every request is kept
 * with its parameters and whether its X-Twilio-Signature passes twilio-java's RequestValidator.
 */
public final class TestApp implements AutoCloseable {

    /** One request the app received. */
    public record Request(String method, String path, String url, Map<String, String> params, Map<String, String> headers,
                   boolean signatureValid) {
        public String param(String name) {
            return params.get(name);
        }
    }

    /** What a route answers. */
    public record Response(int status, String contentType, String body) {
        public static Response twiml(String xml) {
            return new Response(200, "text/xml", xml);
        }

        public static Response status(int status) {
            return new Response(status, "text/plain", "");
        }
    }

    private final HttpServer server;
    private final RequestValidator validator;
    private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();
    private volatile Function<Request, Response> otherwise = r -> Response.status(404);
    private final List<Request> requests = new ArrayList<>();

    public TestApp(String authToken) {
        this.validator = new RequestValidator(authToken);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public TestApp route(String path, Function<Request, Response> handler) {
        routes.put(path, handler);
        return this;
    }

    /** What paths without a route answer (404 unless set). */
    public TestApp otherwise(Function<Request, Response> handler) {
        otherwise = handler;
        return this;
    }

    public TestApp twiml(String path, String xml) {
        return route(path, r -> Response.twiml(xml));
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        String url = url(path) + (query == null ? "" : "?" + query);
        Map<String, String> params = new LinkedHashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> formParams = parse(body);
        if (method.equals("POST")) {
            params.putAll(formParams);
        }
        if (query != null) params.putAll(parse(query));
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        String signature = headers.getOrDefault("x-twilio-signature", "");
        boolean valid = validator.validate(url, method.equals("POST") ? formParams : Map.of(), signature);
        Request request = new Request(method, path, url, params, headers, valid);
        synchronized (this) {
            requests.add(request);
        }
        Function<Request, Response> route = routes.get(path);
        Response response = route == null ? otherwise.apply(request) : route.apply(request);
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> out = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) return out;
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(name, value);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
