package dev.parley.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.twiml.HttpMethod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A kept-alive connection that the app closes just as Parley sends on it (an app's idle timer ran out at that
 * moment) fails before any byte of response: the request goes again, on another connection, a few times at most.
 */
@Timeout(30)
class StaleConnectionTest {

    private static final String TOKEN = "a-secret-auth-token";

    @Test
    void aPostOnAConnectionTheAppClosedGoesAgainOnANewOneWithTheSameToken() throws Exception {
        try (ClosingServer server = new ClosingServer((connection, request) -> connection == 0 && request == 1);
             HttpWebhookTransport transport = new HttpWebhookTransport(Timeouts.all(Duration.ofSeconds(5)))) {
            WebhookRequest first = WebhookRequest.of(HttpMethod.POST, server.url(), Params.of("CallSid", "CA1"), TOKEN);
            WebhookRequest second = WebhookRequest.of(HttpMethod.POST, server.url(), Params.of("CallSid", "CA2"), TOKEN);

            assertThat(transport.send(first)).isInstanceOf(WebhookOutcome.Delivered.class);
            WebhookOutcome outcome = transport.send(second);

            assertThat(outcome).isInstanceOfSatisfying(WebhookOutcome.Delivered.class, d -> {
                assertThat(d.status()).isEqualTo(200);
                assertThat(d.attempts()).as("not one of the rc retries").isEqualTo(1);
            });
            assertThat(server.seen).containsExactly(
                new Seen(0, 0, first.idempotencyToken()),
                new Seen(0, 1, second.idempotencyToken()),
                new Seen(1, 0, second.idempotencyToken()));
        }
    }

    @Test
    void anAppThatAlwaysClosesUnansweredFailsWith11200AfterTheResends() throws Exception {
        try (ClosingServer server = new ClosingServer((connection, request) -> true);
             HttpWebhookTransport transport = new HttpWebhookTransport(Timeouts.all(Duration.ofSeconds(5)))) {
            WebhookOutcome outcome = transport.send(
                WebhookRequest.of(HttpMethod.POST, server.url(), Params.of("CallSid", "CA1"), TOKEN));

            assertThat(outcome).isInstanceOfSatisfying(WebhookOutcome.Failed.class,
                f -> assertThat(f.twilioErrorCode()).isEqualTo(11200));
            assertThat(server.seen).hasSize(1 + HttpWebhookTransport.UNANSWERED_RESENDS)
                .extracting(Seen::request).containsOnly(0);
        }
    }

    /** A request the server read: on which connection (in order of accept), which request on it, its token. */
    record Seen(int connection, int request, String token) {
    }

    /** Which requests the server closes the connection on, without a byte of response. */
    private interface Closes {
        boolean on(int connection, int request);
    }

    /** Answers 200 and keeps the connection alive, except on the requests {@code closes} names. */
    private static final class ClosingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Closes closes;
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final AtomicInteger connections = new AtomicInteger();

        ClosingServer(Closes closes) throws IOException {
            this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            this.closes = closes;
            Thread.ofVirtual().start(this::accept);
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/status";
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    accepted.add(s);
                    int index = connections.getAndIncrement();
                    Thread.ofVirtual().start(() -> serve(s, index));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s, int connection) {
            try (s) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                for (int request = 0; ; request++) {
                    String head = readHead(in);
                    if (head.isEmpty()) return;
                    in.readNBytes(contentLength(head));
                    seen.add(new Seen(connection, request, header(head, "i-twilio-idempotency-token")));
                    if (closes.on(connection, request)) return;
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 11\r\n\r\n<Response/>"
                        .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            while (matched < 4) {
                int b = in.read();
                if (b < 0) return "";
                head.write(b);
                matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
            }
            return head.toString(StandardCharsets.US_ASCII);
        }

        private static int contentLength(String head) {
            String value = header(head, "content-length");
            return value.isEmpty() ? 0 : Integer.parseInt(value);
        }

        private static String header(String head, String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) s.close();
        }
    }
}
