package dev.parley.bench.flow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.security.RequestValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The voice app under load, on loopback: a JDK {@link HttpServer} with a virtual thread per exchange, so that
 * a slow handler never holds a platform thread. It serves the {@link Flow}'s TwiML, accepts its status
 * callbacks, checks every request's {@code X-Twilio-Signature} with twilio-java's {@link RequestValidator} (as a
 * real app would) and checks what each request says; anything unexpected is counted, never thrown.
 *
 * <p>It keeps no state per call, only counters, so that it weighs the same with ten calls or ten thousand.
 */
final class FlowApp implements AutoCloseable {

    /** What the driver waits for. */
    enum Event {
        /** The dialled agent answered (its {@code in-progress} status callback). */
        AGENT_ANSWERED,
        /** The caller's call ended (its {@code completed} status callback, the last request of a flow). */
        FLOW_ENDED
    }

    /** Counts since the last {@link #reset()}. */
    record Counts(long requests, long badSignatures, long unexpected) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final RequestValidator validator;
    private final String base;
    private volatile Consumer<Event> events = e -> { };
    private final LongAdder requests = new LongAdder();
    private final LongAdder badSignatures = new LongAdder();
    private final LongAdder unexpected = new LongAdder();

    FlowApp(String authToken) {
        this.validator = new RequestValidator(authToken);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String url(String path) {
        return base + path;
    }

    /** Where the app reports {@link Event}s (called on the request's thread, before the response goes out). */
    void onEvent(Consumer<Event> listener) {
        events = Objects.requireNonNull(listener, "listener");
    }

    Counts counts() {
        return new Counts(requests.sum(), badSignatures.sum(), unexpected.sum());
    }

    void reset() {
        requests.reset();
        badSignatures.reset();
        unexpected.reset();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String signature = exchange.getRequestHeaders().getFirst("X-Twilio-Signature");
        boolean signed = signature != null && exchange.getRequestMethod().equals("POST")
            && validator.validate(base + path, params, signature);
        String twiml = null;
        boolean expected;
        Event event = null;
        switch (path) {
            case Flow.VOICE -> {
                twiml = Flow.VOICE_TWIML;
                expected = "ringing".equals(params.get("CallStatus"));
            }
            case Flow.GATHERED -> {
                String from = params.getOrDefault("From", "");
                expected = "1".equals(params.get("Digits")) && from.startsWith("+15551");
                twiml = Flow.dialTwiml(expected ? Flow.agentOf(from) : "+15559999999");
            }
            case Flow.DIALED -> {
                twiml = Flow.DIALED_TWIML;
                expected = "completed".equals(params.get("DialCallStatus"));
            }
            case Flow.STATUS -> {
                String status = params.getOrDefault("CallStatus", "");
                if (params.containsKey("ParentCallSid")) {
                    expected = switch (status) {
                        case "initiated", "ringing", "completed" -> true;
                        case "in-progress" -> {
                            event = Event.AGENT_ANSWERED;
                            yield true;
                        }
                        default -> false;
                    };
                } else {
                    expected = status.equals("completed");
                    event = Event.FLOW_ENDED;
                }
            }
            default -> expected = false;
        }
        if (!signed) badSignatures.increment();
        if (!expected) unexpected.increment();
        requests.increment();
        if (event != null) events.accept(event);
        respond(exchange, path, twiml);
    }

    private static void respond(HttpExchange exchange, String path, String twiml) throws IOException {
        if (twiml == null) {
            exchange.sendResponseHeaders(path.equals(Flow.STATUS) ? 204 : 404, -1);
        } else {
            byte[] body = twiml.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new HashMap<>();
        if (body.isEmpty()) return params;
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
