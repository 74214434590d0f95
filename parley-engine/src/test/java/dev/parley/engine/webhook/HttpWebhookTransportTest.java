package dev.parley.engine.webhook;

import static dev.parley.engine.webhook.LoopbackServer.redirect;
import static dev.parley.engine.webhook.LoopbackServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import dev.parley.engine.webhook.LoopbackServer.Received;
import dev.parley.twiml.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transport against a real HTTP server on the loopback interface. No test sleeps or measures time. */
@Timeout(30)
class HttpWebhookTransportTest {

    private static final String TOKEN = "a-secret-auth-token";
    private static final String TWIML = "<Response><Say>Hello</Say></Response>";

    private LoopbackServer server;
    /** Fast defaults, so that a test that waits for a timer waits milliseconds; overrides are honoured as given. */
    private HttpWebhookTransport transport;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        transport = new HttpWebhookTransport(new Timeouts(Duration.ofMillis(2000), Duration.ofMillis(5000),
            Duration.ofMillis(10000)));
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    private static Params callParams() {
        return new Params().add("AccountSid", "AC" + "0".repeat(32)).add("CallSid", "CA" + "1".repeat(32))
            .add("From", "+14155550100").add("To", "+18005551212").add("CallerName", "Zoë 日本 & Co + 1")
            .add("Digits", "");
    }

    private WebhookRequest post(String pathAndFragment, Params params) {
        return WebhookRequest.of(HttpMethod.POST, server.url(pathAndFragment), params, TOKEN);
    }

    private static Map<String, String> asMap(Params params) {
        Map<String, String> map = new LinkedHashMap<>();
        params.forEach(p -> map.put(p.name(), p.value()));
        return map;
    }

    private static boolean validPost(Received r) {
        return new RequestValidator(TOKEN).validate(r.url(), asMap(Params.parseForm(r.bodyText())),
            r.header("X-Twilio-Signature"));
    }

    private static boolean validGet(Received r) {
        return new RequestValidator(TOKEN).validate(r.url(), Map.of(), r.header("X-Twilio-Signature"));
    }

    private static WebhookOutcome.Delivered delivered(WebhookOutcome outcome) {
        assertThat(outcome).isInstanceOf(WebhookOutcome.Delivered.class);
        return (WebhookOutcome.Delivered) outcome;
    }

    private static WebhookOutcome.Failed failed(WebhookOutcome outcome) {
        assertThat(outcome).isInstanceOf(WebhookOutcome.Failed.class);
        return (WebhookOutcome.Failed) outcome;
    }

    // The request

    @Test
    void postSendsTwilioHeadersAFormBodyAndAValidSignature() {
        server.answer("/voice", 200, "text/xml; charset=utf-8", TWIML);
        WebhookRequest request = post("/voice?tenant=a%20b#ct=1000&rc=0", callParams());

        WebhookOutcome.Delivered outcome = delivered(transport.send(request));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.contentType()).isEqualTo("text/xml; charset=utf-8");
        assertThat(new String(outcome.body(), StandardCharsets.UTF_8)).isEqualTo(TWIML);
        assertThat(outcome.finalUrl()).isEqualTo(server.url("/voice?tenant=a%20b"));
        assertThat(outcome.attempts()).isEqualTo(1);
        Received r = server.received().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.target()).isEqualTo("/voice?tenant=a%20b");
        assertThat(r.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(r.header("User-Agent")).isEqualTo("TwilioProxy/1.1");
        assertThat(r.header("Accept")).isEqualTo("*/*");
        assertThat(r.header("I-Twilio-Idempotency-Token")).isEqualTo(request.idempotencyToken());
        assertThat(r.header("X-Twilio-Signature")).isEqualTo(request.signature());
        assertThat(Params.parseForm(r.bodyText())).isEqualTo(callParams());
        assertThat(validPost(r)).isTrue();
    }

    @Test
    void getAppendsTheParametersToTheQueryAndSignsTheWholeUrl() {
        server.answer("/menu", 200, "application/xml", TWIML);
        WebhookRequest request = WebhookRequest.of(HttpMethod.GET, server.url("/menu?lang=fr#rt=3000"), callParams(),
            TOKEN);

        assertThat(delivered(transport.send(request)).finalUrl()).isEqualTo(server.url("/menu?lang=fr"));

        Received r = server.received().get(0);
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.target()).startsWith("/menu?lang=fr&AccountSid=AC").doesNotContain("#");
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Content-Type")).isNull();
        assertThat(Params.parseForm(r.target().substring(r.target().indexOf('?') + 1)))
            .isEqualTo(new Params().add("lang", "fr").addAll(callParams()));
        assertThat(validGet(r)).isTrue();
    }

    @Test
    void extraHeadersAndUrlCredentialsAreSentButCredentialsAreNotSigned() {
        server.answer("/secure", 200, "text/xml", TWIML);
        WebhookRequest request = WebhookRequest.of(HttpMethod.POST,
            "http://alice:p%40ss@127.0.0.1:" + server.port() + "/secure", callParams(), TOKEN)
            .withHeader("Cookie", "session=1");

        delivered(transport.send(request));

        Received r = server.received().get(0);
        assertThat(r.header("Authorization"))
            .isEqualTo("Basic " + Base64.getEncoder().encodeToString("alice:p@ss".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.header("Cookie")).isEqualTo("session=1");
        assertThat(r.url()).isEqualTo(server.url("/secure"));
        assertThat(validPost(r)).isTrue();
    }

    @Test
    void anyStatusIsDeliveredForTheCallerToJudge() {
        server.answer("/missing", 404, "text/html", "<h1>Not Found</h1>");
        WebhookOutcome.Delivered outcome = delivered(transport.send(post("/missing", callParams())));
        assertThat(outcome.status()).isEqualTo(404);
        assertThat(outcome.successful()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(1);
    }

    @Test
    void aMissingContentTypeIsEmpty() {
        server.answer("/bare", 200, null, TWIML);
        assertThat(delivered(transport.send(post("/bare", callParams()))).contentType()).isEmpty();
    }

    @Test
    void bodiesAreReadUpToSixtyFourKilobytesAndOneByte() {
        byte[] large = new byte[200_000];
        java.util.Arrays.fill(large, (byte) 'x');
        byte[] exact = new byte[HttpWebhookTransport.MAX_BODY_BYTES];
        java.util.Arrays.fill(exact, (byte) 'y');
        server.on("/large", (ex, r) -> respond(ex, 200, "text/xml", large));
        server.on("/exact", (ex, r) -> respond(ex, 200, "text/xml", exact));

        WebhookOutcome.Delivered cut = delivered(transport.send(post("/large", callParams())));
        assertThat(cut.bodyLength()).isEqualTo(HttpWebhookTransport.MAX_BODY_BYTES + 1);
        assertThat(cut.bodyTooLarge()).isTrue();
        assertThat(TwimlFetch.interpret(cut, server.url("/large"))).isInstanceOfSatisfying(TwimlFetch.Failure.class,
            f -> assertThat(f.errorCode()).isEqualTo(11750));

        WebhookOutcome.Delivered whole = delivered(transport.send(post("/exact", callParams())));
        assertThat(whole.bodyLength()).isEqualTo(HttpWebhookTransport.MAX_BODY_BYTES);
        assertThat(whole.bodyTooLarge()).isFalse();
    }

    @Test
    void manyCallsShareOneTransportFromVirtualThreads() throws Exception {
        server.on("/echo", (ex, r) -> respond(ex, 200, "text/plain", Params.parseForm(r.bodyText()).get("CallSid").orElseThrow()));
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<WebhookOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Params params = Params.of("CallSid", "CA" + i);
                futures.add(calls.submit(() -> transport.send(post("/echo", params))));
            }
            for (int i = 0; i < 50; i++) {
                assertThat(new String(delivered(futures.get(i).get()).body(), StandardCharsets.UTF_8)).isEqualTo("CA" + i);
            }
        }
        assertThat(server.received()).hasSize(50).allSatisfy(r -> assertThat(validPost(r)).isTrue());
    }

    // Redirects

    @Test
    void aFoundRedirectBecomesAGetOfTheNewUrlSignedForIt() {
        server.on("/start", (ex, r) -> redirect(ex, 302, "/next?step=2"));
        server.answer("/next", 200, "text/xml", TWIML);
        WebhookRequest request = post("/start", callParams());

        WebhookOutcome.Delivered outcome = delivered(transport.send(request));

        assertThat(outcome.finalUrl()).isEqualTo(server.url("/next?step=2"));
        assertThat(outcome.attempts()).isEqualTo(1);
        Received second = server.received().get(1);
        assertThat(second.method()).isEqualTo("GET");
        assertThat(second.target()).isEqualTo("/next?step=2");
        assertThat(second.header("I-Twilio-Idempotency-Token")).isEqualTo(request.idempotencyToken());
        assertThat(validGet(second)).isTrue();
    }

    @Test
    void aTemporaryRedirectRepeatsThePostWithItsParametersSignedForTheNewUrl() {
        server.on("/old", (ex, r) -> redirect(ex, 307, server.url("/new")));
        server.answer("/new", 200, "text/xml", TWIML);

        WebhookOutcome.Delivered outcome = delivered(transport.send(post("/old", callParams())));

        assertThat(outcome.finalUrl()).isEqualTo(server.url("/new"));
        Received second = server.received().get(1);
        assertThat(second.method()).isEqualTo("POST");
        assertThat(Params.parseForm(second.bodyText())).isEqualTo(callParams());
        assertThat(second.header("X-Twilio-Signature")).isNotEqualTo(server.received().get(0).header("X-Twilio-Signature"));
        assertThat(validPost(second)).isTrue();
    }

    @Test
    void movedPermanentlyAndSeeOtherAreFollowedToo() {
        server.on("/a", (ex, r) -> redirect(ex, 301, "/b"));
        server.on("/b", (ex, r) -> redirect(ex, 303, "/c"));
        server.answer("/c", 200, "text/xml", TWIML);
        assertThat(delivered(transport.send(post("/a", callParams()))).finalUrl()).isEqualTo(server.url("/c"));
        assertThat(server.received()).extracting(Received::method).containsExactly("POST", "GET", "GET");
    }

    @Test
    void aRedirectLoopFailsWith11215AfterTenRedirects() {
        server.on("/loop", (ex, r) -> redirect(ex, 302, "/loop"));
        WebhookOutcome.Failed outcome = failed(transport.send(post("/loop", callParams())));
        assertThat(outcome.twilioErrorCode()).isEqualTo(11215);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(server.received()).hasSize(1 + HttpWebhookTransport.MAX_REDIRECTS);
    }

    @Test
    void redirectsTwilioDoesNotFollowFailWith11216() {
        server.on("/permanent", (ex, r) -> redirect(ex, 308, "/elsewhere"));
        server.on("/nowhere", (ex, r) -> { ex.sendResponseHeaders(302, -1); });
        server.on("/multiple", (ex, r) -> redirect(ex, 300, "/elsewhere"));
        assertThat(failed(transport.send(post("/permanent", callParams()))).twilioErrorCode()).isEqualTo(11216);
        assertThat(failed(transport.send(post("/nowhere", callParams()))).twilioErrorCode()).isEqualTo(11216);
        assertThat(failed(transport.send(post("/multiple", callParams()))).twilioErrorCode()).isEqualTo(11216);
        assertThat(server.received()).extracting(Received::target).containsExactly("/permanent", "/nowhere", "/multiple");
    }

    // Retries

    @Test
    void aServerErrorIsRetriedWithTheSameIdempotencyTokenWhenThePolicySaysSo() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/flaky", (ex, r) -> {
            if (calls.incrementAndGet() < 3) respond(ex, 503, "text/plain", "busy");
            else respond(ex, 200, "text/xml", TWIML);
        });
        WebhookRequest request = post("/flaky#rc=2&rp=ct,5xx", callParams());

        WebhookOutcome.Delivered outcome = delivered(transport.send(request));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(server.received()).hasSize(3)
            .allSatisfy(r -> {
                assertThat(r.header("I-Twilio-Idempotency-Token")).isEqualTo(request.idempotencyToken());
                assertThat(validPost(r)).isTrue();
            });
    }

    @Test
    void retriesStopAtTheRetryCountAndDeliverTheLastResponse() {
        server.answer("/down", 500, "text/plain", "down");
        WebhookOutcome.Delivered outcome = delivered(transport.send(post("/down#rc=2&rp=all", callParams())));
        assertThat(outcome.status()).isEqualTo(500);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void byDefaultAServerErrorIsNotRetried() {
        server.answer("/error", 500, "text/plain", "oops");
        assertThat(delivered(transport.send(post("/error", callParams()))).attempts()).isEqualTo(1);
        assertThat(delivered(transport.send(post("/error#rc=3&rp=4xx", callParams()))).attempts()).isEqualTo(1);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void aClientErrorIsRetriedUnder4xx() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/warming", (ex, r) -> {
            if (calls.incrementAndGet() == 1) respond(ex, 404, "text/plain", "not yet");
            else respond(ex, 200, "text/xml", TWIML);
        });
        WebhookOutcome.Delivered outcome = delivered(transport.send(post("/warming#rp=4xx", callParams())));
        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.attempts()).isEqualTo(2);
    }

    // Failures

    @Test
    void aClosedPortFailsWith11205AfterTheDefaultConnectRetry() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/voice";

        WebhookOutcome.Failed outcome = failed(transport.send(WebhookRequest.of(HttpMethod.POST, url, callParams(), TOKEN)));
        assertThat(outcome.twilioErrorCode()).isEqualTo(11205);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.message()).contains("127.0.0.1:" + closedPort);

        WebhookOutcome.Failed once = failed(transport.send(WebhookRequest.of(HttpMethod.POST, url + "#rc=0", callParams(), TOKEN)));
        assertThat(once.attempts()).isEqualTo(1);
    }

    @Test
    void anUnknownHostFailsWith11210() {
        WebhookOutcome.Failed outcome = failed(transport.send(
            WebhookRequest.of(HttpMethod.POST, "http://nonexistent.invalid/voice", callParams(), TOKEN)));
        assertThat(outcome.twilioErrorCode()).isEqualTo(11210);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.message()).contains("nonexistent.invalid");
    }

    @Test
    void aServerThatNeverAnswersFailsWith11205OnTheReadTimeout() {
        server.silent("/hang");
        WebhookOutcome.Failed outcome = failed(transport.send(post("/hang#rt=200", callParams())));
        assertThat(outcome.twilioErrorCode()).isEqualTo(11205);
        assertThat(outcome.message()).contains("read timeout");
        assertThat(outcome.attempts()).isEqualTo(1);
    }

    @Test
    void aReadTimeoutIsRetriedUnderRtWithTheSameToken() throws InterruptedException {
        server.silent("/hang");
        WebhookRequest request = post("/hang#rt=150&rc=2&rp=rt", callParams());
        WebhookOutcome.Failed outcome = failed(transport.send(request));
        assertThat(outcome.twilioErrorCode()).isEqualTo(11205);
        assertThat(outcome.attempts()).isEqualTo(3);
        awaitReceived(3);
        assertThat(server.received()).allSatisfy(r ->
            assertThat(r.header("I-Twilio-Idempotency-Token")).isEqualTo(request.idempotencyToken()));
    }

    @Test
    void theTotalTimeoutEndsRetries() {
        server.silent("/hang");
        WebhookOutcome.Failed outcome = failed(transport.send(post("/hang#tt=300&rt=15000&rc=5&rp=all", callParams())));
        assertThat(outcome.twilioErrorCode()).isEqualTo(11205);
        assertThat(outcome.message()).contains("total timeout (tt=300 ms)");
        assertThat(outcome.attempts()).isEqualTo(1);
    }

    @Test
    void scaledDownDefaultsApplyWithoutAFragment() {
        server.silent("/hang");
        try (HttpWebhookTransport fast = new HttpWebhookTransport(Timeouts.all(Duration.ofMillis(150)))) {
            WebhookOutcome.Failed outcome = failed(fast.send(post("/hang", callParams())));
            assertThat(outcome.twilioErrorCode()).isEqualTo(11205);
        }
    }

    @Test
    void aBodyThatStallsFailsOnTheReadTimeout() throws Exception {
        try (RawServer raw = new RawServer(out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 1000\r\n\r\n<Response>")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        })) {
            WebhookOutcome.Failed outcome = failed(transport.send(
                WebhookRequest.of(HttpMethod.POST, raw.url() + "#rt=200", callParams(), TOKEN)));
            assertThat(outcome.twilioErrorCode()).isEqualTo(11205);
            assertThat(outcome.message()).contains("read timeout");
        }
    }

    @Test
    void aResponseThatIsNotHttpFailsWith11206() throws Exception {
        try (RawServer raw = new RawServer(out -> {
            out.write("SPEAK FRIEND AND ENTER\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        })) {
            WebhookOutcome.Failed outcome = failed(transport.send(
                WebhookRequest.of(HttpMethod.POST, raw.url(), callParams(), TOKEN)));
            assertThat(outcome.twilioErrorCode()).isEqualTo(11206);
        }
    }

    @Test
    void invalidUrlsFailWith11100() {
        for (String url : List.of("ftp://example.com/voice", "http://exa mple.com/voice", "/relative/voice",
            "http:///no-host")) {
            WebhookOutcome.Failed outcome = failed(transport.send(WebhookRequest.of(HttpMethod.POST, url, callParams(), TOKEN)));
            assertThat(outcome.twilioErrorCode()).as(url).isEqualTo(11100);
        }
    }

    private void awaitReceived(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.received().size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
        assertThat(server.received()).hasSize(count);
    }

    /** A TCP server that answers each connection with whatever {@code reply} writes, then holds it open. */
    private static final class RawServer implements AutoCloseable {
        interface Reply {
            void write(OutputStream out) throws IOException;
        }

        private final ServerSocket socket;
        private final List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final CountDownLatch closing = new CountDownLatch(1);
        private final Thread acceptor;

        RawServer(Reply reply) throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        accepted.add(s);
                        Thread.ofVirtual().start(() -> serve(s, reply));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void serve(Socket s, Reply reply) {
            try {
                InputStream in = s.getInputStream();
                // read the request head
                int matched = 0;
                byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                while (matched < 4) {
                    int b = in.read();
                    if (b < 0) return;
                    matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
                }
                reply.write(s.getOutputStream());
                closing.await();
            } catch (IOException e) {
                // the client went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/raw";
        }

        @Override
        public void close() throws IOException {
            closing.countDown();
            socket.close();
            for (Socket s : accepted) s.close();
            acceptor.interrupt();
        }
    }
}
