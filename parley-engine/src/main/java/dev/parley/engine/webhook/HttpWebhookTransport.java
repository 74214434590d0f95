package dev.parley.engine.webhook;

import dev.parley.engine.webhook.ConnectionOverrides.RetryOn;
import dev.parley.twiml.HttpMethod;
import dev.parley.twiml.UrlResolver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends webhooks over HTTP/1.1 with the JDK's {@link HttpClient}, the way Twilio sends them.
 *
 * <p><b>The request.</b> POST: the parameters as an {@code application/x-www-form-urlencoded} UTF-8 body.
 * GET: the parameters appended to the URL's query (after any query already there, with {@code &}). Headers:
 * {@code X-Twilio-Signature} ({@link WebhookSignature}), {@code I-Twilio-Idempotency-Token} (the same on every
 * retry), {@code User-Agent: TwilioProxy/1.1}, {@code Accept: *}{@code /*}, and {@code Content-Type} on a POST.
 * Credentials in the URL ({@code https://user:pass@host/…}) are sent as HTTP Basic authentication and are not
 * part of the signed URL (an app rebuilding its URL from the {@code Host} header never sees them); neither is the
 * {@code #fragment}.
 *
 * <p><b>Redirects</b> are followed here, not by the client: 301, 302 and 303 become a GET of the new URL without
 * parameters, as a browser does; 307 repeats the method and parameters. Every hop is signed for its own URL.
 * Twilio follows only these four (error 11216): any other 3xx, or one without a usable {@code Location}, fails
 * with 11216; an 11th redirect in a row fails with 11215. Credentials go only to the URL's own origin.
 *
 * <p><b>Timers and retries</b> come from the URL's {@link ConnectionOverrides}, with the defaults given to the
 * constructor ({@link Timeouts#TWILIO} unless a test scales them down). The read timer runs from the start of an
 * attempt (so it includes the connect time, as Twilio's 15-second timer does) to the response headers, and then
 * restarts with every chunk of the body. The total timer covers all attempts. A failed attempt is retried at
 * once, up to {@code rc} times, when {@code rp} names its kind: {@code ct} (refused or connect timeout),
 * {@code rt} (read timeout), {@code 4xx}, {@code 5xx}. A redirect chain is part of one attempt.
 *
 * <p><b>Failures</b> map to Twilio's codes ({@link WebhookErrors}): bad URL 11100, unknown host 11210, refused or
 * any timeout 11205, not HTTP 11206, TLS 11220, anything else 11200. A failure says whether a connection was made
 * ({@link WebhookOutcome.Failed#connected()}): one that never reached the app can be sent again later.
 *
 * <p><b>Bodies</b> are read up to {@link #MAX_BODY_BYTES} + 1 bytes; the rest is not read, and the connection is
 * dropped. A TwiML reader sees the extra byte and reports 11750.
 *
 * <p>One instance serves every call: it is thread-safe and meant to be shared, and blocking in {@link #send} is
 * cheap on a virtual thread. It keeps one {@link HttpClient} per distinct connect timeout, because the JDK sets
 * that timeout per client; in practice that is one or two clients. {@link #close()} stops them.
 */
public final class HttpWebhookTransport implements WebhookTransport, AutoCloseable {

    /** Twilio's limit on a response body: 64 KB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Redirects followed in a row before 11215. */
    public static final int MAX_REDIRECTS = 10;
    /** The {@code User-Agent} Twilio's webhooks carry. */
    public static final String USER_AGENT = "TwilioProxy/1.1";
    public static final String IDEMPOTENCY_TOKEN_HEADER = "I-Twilio-Idempotency-Token";
    /** {@code Content-Type} of a POST, as Twilio's "Your Request" page gives it. */
    public static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
    /** The redirects Twilio follows (error 11216: "Twilio will only follow redirects for 301, 302, 303, and 307"). */
    public static final Set<Integer> FOLLOWED_REDIRECTS = Set.of(301, 302, 303, 307);

    private static final Logger LOG = LoggerFactory.getLogger(HttpWebhookTransport.class);

    private final Timeouts defaults;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentMap<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    /** A transport with Twilio's timers. */
    public HttpWebhookTransport() {
        this(Timeouts.TWILIO);
    }

    /** A transport whose URLs get {@code defaults} when their fragment does not set a timer. */
    public HttpWebhookTransport(Timeouts defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    public Timeouts defaults() {
        return defaults;
    }

    @Override
    public WebhookOutcome send(WebhookRequest request) {
        long start = System.nanoTime();
        ConnectionOverrides overrides = request.overrides(defaults);
        long deadline = start + overrides.totalTimeout().toNanos();
        int attempts = 0;
        while (true) {
            attempts++;
            Exchange result = attempt(request, overrides, deadline);
            boolean canRetry = attempts < overrides.maxAttempts() && System.nanoTime() - deadline < 0;
            if (result instanceof Response response) {
                if (canRetry && overrides.retriesStatus(response.status)) {
                    LOG.debug("{} {} answered {}; retrying ({}/{})", request.method(), response.documentUrl,
                        response.status, attempts, overrides.retryCount());
                    continue;
                }
                return new WebhookOutcome.Delivered(response.status, response.contentType, response.body,
                    response.documentUrl, attempts, since(start));
            }
            Failure failure = (Failure) result;
            if (canRetry && failure.retryOn.map(overrides::retries).orElse(false)) {
                LOG.debug("{} {} failed: {}; retrying ({}/{})", request.method(), request.documentUrl(),
                    failure.message, attempts, overrides.retryCount());
                continue;
            }
            return new WebhookOutcome.Failed(failure.code, failure.message, attempts, since(start), failure.connected());
        }
    }

    /** Stops the HTTP clients; requests in flight fail. */
    @Override
    public void close() {
        clients.values().forEach(HttpClient::shutdownNow);
        clients.clear();
        executor.shutdownNow();
    }

    /** One attempt: the request and the redirects it leads to. */
    private Exchange attempt(WebhookRequest request, ConnectionOverrides overrides, long deadline) {
        HttpMethod method = request.method();
        String wireUrl = request.wireUrl();
        String documentUrl = request.documentUrl();
        Params form = request.params();
        String origin = origin(documentUrl);
        Optional<String> credentials = Urls.userInfo(Urls.withoutFragment(request.url()));
        for (int redirects = 0; ; redirects++) {
            URI uri;
            try {
                uri = httpUri(wireUrl);
            } catch (URISyntaxException e) {
                return new Failure(WebhookErrors.INVALID_URL, "invalid URL " + wireUrl + ": " + e.getMessage(),
                    Optional.empty());
            }
            HttpRequest http = build(request, method, uri, wireUrl, form,
                credentials.filter(c -> origin.equals(origin(uri.toString()))));
            Exchange exchange = exchange(http, overrides, deadline, documentUrl);
            if (!(exchange instanceof Response response) || response.status < 300 || response.status > 399) {
                return exchange;
            }
            if (!FOLLOWED_REDIRECTS.contains(response.status)) {
                return new Failure(WebhookErrors.HTTP_INVALID_REDIRECT, "HTTP " + response.status + " from "
                    + wireUrl + ": Twilio follows only 301, 302, 303 and 307", Optional.empty());
            }
            if (redirects == MAX_REDIRECTS) {
                return new Failure(WebhookErrors.HTTP_TOO_MANY_REDIRECTS, "more than " + MAX_REDIRECTS
                    + " redirects in a row; the last, HTTP " + response.status + " from " + wireUrl
                    + ", points to " + response.location.orElse("nothing"), Optional.empty());
            }
            if (response.location.isEmpty() || response.location.get().isBlank()) {
                return new Failure(WebhookErrors.HTTP_INVALID_REDIRECT, "HTTP " + response.status + " from "
                    + wireUrl + " has no Location", Optional.empty());
            }
            String target;
            try {
                target = Urls.toAscii(Urls.withoutUserInfo(Urls.withoutFragment(
                    UrlResolver.resolve(wireUrl, response.location.get()))));
                httpUri(target);
            } catch (URISyntaxException | IllegalArgumentException e) {
                return new Failure(WebhookErrors.HTTP_INVALID_REDIRECT, "HTTP " + response.status + " from "
                    + wireUrl + " redirects to an invalid URL: " + response.location.get(), Optional.empty());
            }
            LOG.debug("{} {} redirected ({}) to {}", method, wireUrl, response.status, target);
            if (response.status != 307) {
                method = HttpMethod.GET;
                form = new Params();
            }
            wireUrl = target;
            documentUrl = target;
        }
    }

    private HttpRequest build(WebhookRequest request, HttpMethod method, URI uri, String wireUrl, Params form,
                              Optional<String> credentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        request.headers().forEach(builder::setHeader);
        String signature = method == HttpMethod.POST
            ? WebhookSignature.sign(request.authToken(), wireUrl, form)
            : WebhookSignature.sign(request.authToken(), wireUrl);
        builder.setHeader(WebhookSignature.HEADER, signature)
            .setHeader(IDEMPOTENCY_TOKEN_HEADER, request.idempotencyToken())
            .setHeader("User-Agent", USER_AGENT)
            .setHeader("Accept", "*/*");
        credentials.ifPresent(c -> builder.setHeader("Authorization",
            "Basic " + Base64.getEncoder().encodeToString(decodePercent(c).getBytes(StandardCharsets.UTF_8))));
        if (method == HttpMethod.POST) {
            builder.setHeader("Content-Type", FORM_CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(form.toForm(), StandardCharsets.UTF_8));
        } else {
            builder.GET();
        }
        return builder.build();
    }

    /** One HTTP request and its response, within the read and total timers. */
    private Exchange exchange(HttpRequest http, ConnectionOverrides overrides, long deadline, String documentUrl) {
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        CompletableFuture<HttpResponse<byte[]>> future;
        try {
            future = client(overrides.connectTimeout()).sendAsync(http, info -> {
                lastProgress.set(System.nanoTime());
                return new CappedBody(MAX_BODY_BYTES + 1, lastProgress);
            });
        } catch (IllegalArgumentException e) {
            return new Failure(WebhookErrors.INVALID_URL, "cannot request " + http.uri() + ": " + e.getMessage(),
                Optional.empty());
        }
        long readNanos = overrides.readTimeout().toNanos();
        while (true) {
            long now = System.nanoTime();
            long readLimit = lastProgress.get() + readNanos;
            long limit = readLimit - deadline < 0 ? readLimit : deadline;
            if (now - limit >= 0) {
                future.cancel(true);
                boolean total = now - deadline >= 0;
                return new Failure(WebhookErrors.HTTP_CONNECTION_FAILURE, (total
                    ? "total timeout (tt=" + overrides.totalTimeout().toMillis()
                    : "read timeout (rt=" + overrides.readTimeout().toMillis()) + " ms) waiting for " + http.uri(),
                    total ? Optional.empty() : Optional.of(RetryOn.RT));
            }
            try {
                HttpResponse<byte[]> response = future.get(limit - now, TimeUnit.NANOSECONDS);
                return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), documentUrl,
                    response.headers().firstValue("Location"));
            } catch (TimeoutException e) {
                // the body may have advanced the read timer: look again
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                return new Failure(WebhookErrors.HTTP_RETRIEVAL_FAILURE, "interrupted", Optional.empty());
            } catch (ExecutionException e) {
                return failure(e.getCause(), http.uri(), overrides);
            }
        }
    }

    /** Twilio's code for an exception from the HTTP client. */
    private static Failure failure(Throwable error, URI uri, ConnectionOverrides overrides) {
        String host = uri.getHost();
        if (has(error, UnresolvedAddressException.class) || has(error, UnknownHostException.class)) {
            return new Failure(WebhookErrors.HTTP_BAD_HOST_NAME, "cannot resolve host " + host, Optional.empty());
        }
        if (has(error, HttpConnectTimeoutException.class)) {
            return new Failure(WebhookErrors.HTTP_CONNECTION_FAILURE, "connect timeout (ct="
                + overrides.connectTimeout().toMillis() + " ms) to " + authority(uri), Optional.of(RetryOn.CT));
        }
        if (has(error, HttpTimeoutException.class)) {
            return new Failure(WebhookErrors.HTTP_CONNECTION_FAILURE, "read timeout (rt="
                + overrides.readTimeout().toMillis() + " ms) waiting for " + uri, Optional.of(RetryOn.RT));
        }
        if (has(error, ConnectException.class)) {
            return new Failure(WebhookErrors.HTTP_CONNECTION_FAILURE, "cannot connect to " + authority(uri) + ": "
                + describe(error), Optional.of(RetryOn.CT));
        }
        if (has(error, SSLException.class)) {
            return new Failure(WebhookErrors.TLS_HANDSHAKE, "TLS failure with " + authority(uri) + ": "
                + describe(error), Optional.empty());
        }
        if (has(error, ProtocolException.class) || malformed(error)) {
            return new Failure(WebhookErrors.HTTP_PROTOCOL_VIOLATION, "invalid HTTP response from " + uri + ": "
                + describe(error), Optional.empty());
        }
        return new Failure(WebhookErrors.HTTP_RETRIEVAL_FAILURE, "request to " + uri + " failed: " + describe(error),
            Optional.empty());
    }

    /** What the JDK client reports, as IOException, for a response that is not HTTP. */
    private static boolean malformed(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof IOException && (message.contains("invalid status line")
                || message.contains("bad response") || message.contains("invalid header")
                || message.contains("bad header"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getMessage() == null) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String authority(URI uri) {
        return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private HttpClient client(Duration connectTimeout) {
        return clients.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .executor(executor)
            .build());
    }

    /** The URL as a URI the client accepts: absolute http(s) with a host. */
    private static URI httpUri(String url) throws URISyntaxException {
        URI uri = new URI(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new URISyntaxException(url, "not an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new URISyntaxException(url, "no host");
        }
        return uri;
    }

    /** scheme://host:port, lower case, the default port made explicit; empty if the URL has none. */
    private static String origin(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
        } catch (URISyntaxException e) {
            return "";
        }
    }

    private static String decodePercent(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** What one HTTP exchange gave. */
    private sealed interface Exchange permits Response, Failure {
    }

    private record Response(int status, String contentType, byte[] body, String documentUrl,
                            Optional<String> location) implements Exchange {
    }

    /** {@code retryOn}: the {@code rp} token that retries this failure, if any can. */
    private record Failure(int code, String message, Optional<RetryOn> retryOn) implements Exchange {

        /** Whether a connection was made: not when refused, timed out connecting, or the host or URL is bad. */
        boolean connected() {
            return retryOn.filter(r -> r == RetryOn.CT).isEmpty() && code != WebhookErrors.HTTP_BAD_HOST_NAME
                && code != WebhookErrors.INVALID_URL;
        }
    }

    /** Collects a body up to a limit, then stops reading; every chunk restarts the read timer. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final AtomicLong lastProgress;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int limit, AtomicLong lastProgress) {
            this.limit = limit;
            this.lastProgress = lastProgress;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            lastProgress.set(System.nanoTime());
            if (result.isDone()) return;
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - bytes.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.write(chunk, 0, take);
                if (bytes.size() >= limit) {
                    subscription.cancel();
                    result.complete(bytes.toByteArray());
                    return;
                }
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }

        @Override
        public CompletableFuture<byte[]> getBody() {
            return result;
        }
    }
}
