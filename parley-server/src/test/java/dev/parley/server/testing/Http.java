package dev.parley.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** A plain HTTP client for tests of Parley's APIs: Basic auth, form or JSON bodies, JSON answers. */
public final class Http {

    /**
     * An answer: status, headers and the body as JSON (a missing node when there was none), with the request's
     * method and path (without the query) it answers.
     */
    public record Response(int status, Map<String, List<String>> headers, JsonNode json, String method, String path) {
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of("")).getFirst();
        }
    }

    /** An answer read as text (e.g. Prometheus's format). */
    public record Text(int status, String contentType, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GUARD = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(GUARD).build();
    private final String base;
    private final String authorization;
    private final Consumer<Response> check;

    private Http(String base, String authorization, Consumer<Response> check) {
        this.base = base;
        this.authorization = authorization;
        this.check = check;
    }

    public static Http to(String base, String user, String password) {
        return new Http(base, basic(user, password), response -> { });
    }

    public static Http anonymous(String base) {
        return new Http(base, "", response -> { });
    }

    /** The same client with other credentials (and the same check). */
    public Http as(String user, String password) {
        return new Http(base, basic(user, password), check);
    }

    /** The same client without credentials (and the same check). */
    public Http anonymous() {
        return new Http(base, "", check);
    }

    /**
     * The same client, whose every answer first passes {@code check} (e.g. a contract every response must meet, so
     * that a test cannot receive an answer nobody looked at).
     */
    public Http checking(Consumer<Response> check) {
        return new Http(base, authorization, this.check.andThen(check));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET whose answer is not JSON. */
    public Text getText(String path) {
        try {
            HttpResponse<String> response = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Text(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose answer comes later (one that waits on the server). */
    public CompletableFuture<Response> getLater(String path) {
        return client.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).thenApply(this::checked);
    }

    /** A GET whose body is bytes (recording media): status, content type, body. */
    public Bytes getBytes(String path) {
        try {
            HttpResponse<byte[]> response = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A binary answer. */
    public record Bytes(int status, String contentType, byte[] body) {
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** POST with form parameters (name, value, name, value...; a name may repeat). */
    public Response post(String path, String... form) {
        return post(path, List.of(form));
    }

    /** POST with form parameters (name, value, name, value...; a name may repeat). */
    public Response post(String path, List<String> form) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < form.size(); i += 2) {
            if (!body.isEmpty()) body.append('&');
            body.append(encode(form.get(i))).append('=').append(encode(form.get(i + 1)));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Response postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A path segment, percent-encoded ({@code +1555} → {@code %2B1555}). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(GUARD);
        if (!authorization.isEmpty()) builder.header("Authorization", authorization);
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            return checked(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response checked(HttpResponse<String> answer) {
        Response response = read(answer);
        check.accept(response);
        return response;
    }

    private static Response read(HttpResponse<String> response) {
        try {
            String body = response.body();
            JsonNode json = body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
            Map<String, List<String>> headers = response.headers().map().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue, (a, b) -> a));
            return new Response(response.statusCode(), headers, json, response.request().method(),
                response.request().uri().getRawPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
