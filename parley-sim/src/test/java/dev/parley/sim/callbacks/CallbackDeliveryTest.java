package dev.parley.sim.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import dev.parley.engine.call.Alert;
import dev.parley.engine.call.CallEngine;
import dev.parley.engine.call.CallObserver;
import dev.parley.engine.call.CallRequest;
import dev.parley.engine.call.WebhookPurpose;
import dev.parley.engine.store.memory.InMemoryMediaStore;
import dev.parley.engine.store.memory.InMemoryStore;
import dev.parley.engine.webhook.WebhookErrors;
import dev.parley.engine.webhook.WebhookOutcome;
import dev.parley.engine.webhook.WebhookRequest;
import dev.parley.sim.VirtualClock;
import dev.parley.sim.VirtualNetwork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What becomes of a status callback the app does not take, on virtual time: one it never received is sent again
 * with backoff (5 s, then doubling, at most 10 min apart) until it is delivered or a day has passed; one it may have
 * received (an answer of any status, a timeout) is not sent again. Either way one alert 11200, not one per attempt.
 * One under way when Parley stops stays in the outbox, for the next start.
 */
class CallbackDeliveryTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final String STATUS = "http://app.test/status";

    private final VirtualClock clock = new VirtualClock();
    private final VirtualNetwork network = new VirtualNetwork(clock);
    private final InMemoryStore store = new InMemoryStore();
    private final Sids sids = new Sids(new Random(5));
    private final Directory directory = new Directory(store, sids, clock);
    private final Account account = directory.createAccount("test", clock.now());
    /** When each attempt to deliver the callback was made. */
    private final List<Instant> attempts = new CopyOnWriteArrayList<>();
    /** What the engine's observer was told of each webhook: its purpose and the code it earned. */
    private final List<String> observed = new CopyOnWriteArrayList<>();
    private final CallObserver observer = new CallObserver() {
        @Override
        public void webhookSent(String accountSid, Optional<String> callSid, WebhookPurpose purpose, String url,
                                WebhookOutcome outcome) {
            observed.add(purpose.value() + " " + purpose.failureCode(outcome).map(String::valueOf).orElse("ok"));
        }
    };

    private static final WebhookOutcome REFUSED =
        new WebhookOutcome.Failed(WebhookErrors.HTTP_CONNECTION_FAILURE, "refused", 1, Duration.ZERO, false);
    private static final WebhookOutcome TIMED_OUT =
        new WebhookOutcome.Failed(WebhookErrors.HTTP_CONNECTION_FAILURE, "read timeout", 1, Duration.ZERO, true);

    private static WebhookOutcome answered(int status) {
        return new WebhookOutcome.Delivered(status, "text/plain", new byte[0], STATUS, 1, Duration.ZERO);
    }

    /** A call whose completed callback the app answers as {@code app} says for the n-th attempt (from 0). */
    private CallEngine callWithCallback(Function<Integer, WebhookOutcome> app) {
        CallEngine engine = new CallEngine(clock, network, directory, store, new InMemoryMediaStore(), sids,
            (WebhookRequest request) -> {
                attempts.add(clock.now());
                return app.apply(attempts.size() - 1);
            }, "http://127.0.0.1:8080").observer(observer).start();
        network.phone("+15558880001").answerAfter(Duration.ofSeconds(1));
        engine.create(CallRequest.inline(account.sid(), "+15558880001", "+15550001000", "<Response><Hangup/></Response>")
            .withStatusCallback(STATUS, List.of("completed")));
        assertThat(clock.await(() -> engine.liveCalls() == 0 && clock.busy() == 0
            && store.outbox().pending(account.sid()).isEmpty(), HANG_GUARD)).as("all settled (hang guard)").isTrue();
        return engine;
    }

    private List<Long> secondsBetweenAttempts() {
        return IntStream.range(1, attempts.size())
            .mapToObj(i -> Duration.between(attempts.get(i - 1), attempts.get(i)).toSeconds()).toList();
    }

    @Test
    void aCallbackTheAppNeverReceivedIsSentAgainWithBackoffUntilItIsDeliveredOnce() {
        CallEngine engine = callWithCallback(n -> n < 4 ? REFUSED : answered(204));

        assertThat(attempts).hasSize(5);
        assertThat(secondsBetweenAttempts()).containsExactly(5L, 10L, 20L, 40L);
        assertThat(engine.alerts(account.sid())).extracting(Alert::errorCode).containsExactly(11200);
        assertThat(observed).as("every attempt observed").containsExactly("status-callback 11200",
            "status-callback 11200", "status-callback 11200", "status-callback 11200", "status-callback ok");
    }

    @Test
    void aCallbackNobodyTakesForADayIsGivenUp() {
        CallEngine engine = callWithCallback(n -> REFUSED);

        assertThat(Duration.between(attempts.getFirst(), attempts.getLast())).isLessThanOrEqualTo(Duration.ofHours(24))
            .isGreaterThan(Duration.ofHours(24).minusMinutes(10));
        assertThat(secondsBetweenAttempts()).startsWith(5L, 10L, 20L, 40L, 80L, 160L, 320L, 600L, 600L)
            .allMatch(seconds -> seconds <= 600);
        assertThat(engine.alerts(account.sid())).extracting(Alert::errorCode).containsExactly(11200);
    }

    @Test
    void aCallbackTheAppMayHaveReceivedIsNotSentAgain() {
        CallEngine engine = callWithCallback(n -> TIMED_OUT);

        assertThat(attempts).hasSize(1);
        assertThat(engine.alerts(account.sid())).extracting(Alert::errorCode).containsExactly(11200);
    }

    @Test
    void anErrorAnswerIsAnAnswerAlertedOnce() {
        CallEngine engine = callWithCallback(n -> answered(500));

        assertThat(attempts).hasSize(1);
        assertThat(engine.alerts(account.sid())).singleElement()
            .satisfies(alert -> assertThat(alert.alertText()).contains("status completed callback 500"));
        assertThat(observed).containsExactly("status-callback 11200");
    }

    @Test
    void aCallbackUnderWayWhenParleyStopsStaysInTheOutboxWithoutAnUncaughtException() {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        try {
            AtomicReference<CallEngine> engine = new AtomicReference<>();
            // As Parley.close does: the engine stops, then the transport closes, and the JDK's client refuses the
            // request that was about to go.
            CallEngine started = new CallEngine(clock, network, directory, store, new InMemoryMediaStore(), sids,
                (WebhookRequest request) -> {
                    attempts.add(clock.now());
                    engine.get().close();
                    throw new RejectedExecutionException("the transport is closed");
                }, "http://127.0.0.1:8080").observer(observer).start();
            engine.set(started);
            network.phone("+15558880001").answerAfter(Duration.ofSeconds(1));
            started.create(CallRequest.inline(account.sid(), "+15558880001", "+15550001000",
                "<Response><Hangup/></Response>").withStatusCallback(STATUS, List.of("completed")));

            assertThat(clock.await(() -> started.liveCalls() == 0 && clock.busy() == 0, HANG_GUARD))
                .as("the call ended (hang guard)").isTrue();
            assertThat(attempts).hasSize(1);
            assertThat(store.outbox().pending(account.sid())).as("sent again after a restart").hasSize(1);
            assertThat(observed).as("no outcome to observe").isEmpty();
            assertThat(started.alerts(account.sid())).isEmpty();
            assertThat(uncaught).isEmpty();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
