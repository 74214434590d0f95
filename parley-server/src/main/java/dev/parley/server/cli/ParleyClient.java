package dev.parley.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.http.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** The command line's client of a running Parley's control API: form-encoded requests, JSON answers, Basic auth. */
final class ParleyClient {

    /** A request Parley refused or could not take; the message is for the user. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than any {@code Wait} the client asks for. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(11);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final String baseUrl;
    private final String authorization;

    ParleyClient(String baseUrl, String accountSid, String authToken) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
            .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    }

    /** One path segment, percent-encoded ({@code +15551230001} → {@code %2B15551230001}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    JsonNode get(String path) throws Failure {
        return send(request(path).GET());
    }

    /** POST with form parameters, in order. */
    JsonNode post(String path, Map<String, String> form) throws Failure {
        String body = form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) throws Failure {
        try {
            return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization).header("Accept", "application/json");
        } catch (IllegalArgumentException e) {
            throw new Failure("not a URL: " + baseUrl + path);
        }
    }

    private JsonNode send(HttpRequest.Builder request) throws Failure {
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Failure("cannot reach Parley at " + baseUrl + " (is 'parley serve' running there?)");
        } catch (IOException e) {
            throw new Failure("talking to Parley at " + baseUrl + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new Failure("Parley at " + baseUrl + " answered " + response.statusCode() + " with something that is not JSON");
        }
        if (response.statusCode() >= 400) {
            String message = body.path("message").asText("HTTP " + response.statusCode());
            String hint = response.statusCode() == 401
                ? " (set PARLEY_ACCOUNT_SID and PARLEY_AUTH_TOKEN, or --account-sid and --auth-token)" : "";
            throw new Failure("Parley refused: " + body.path("code").asText("?") + " " + message + hint);
        }
        return body;
    }
}
