package dev.parley.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PoolRoutingTest {

    private final Fixture f = Fixture.manual();

    PoolRoutingTest() {
        f.frontline.services().route(f.acc(), f.service.sid(), Routing.pool());
    }

    private static WorkerParams available() {
        return WorkerParams.NONE.withAvailable(true);
    }

    /** A new conversation from a new customer, routed; the identity of the worker it got, if any. */
    private Optional<String> routeNewConversation(int customer) {
        InboundLookup.Created created = (InboundLookup.Created) f.frontline.inbound(f.service,
            "+1555123" + String.format("%04d", customer), Fixture.COMPANY, true);
        RoutingAttempt attempt = f.frontline.route(created.conversation(), created.customer());
        assertThat(attempt.done()).isTrue();
        f.manualClock().advance(Duration.ofSeconds(1));
        return f.frontline.workerOf(created.conversation()) instanceof WorkerAssignment.Assigned a
            ? Optional.of(a.worker().identity()) : Optional.empty();
    }

    @Test
    void theLeastRecentlyPooledAvailableWorkerGetsTheNextConversation() {
        f.worker("alice", available());
        f.worker("bob", available());
        f.worker("carol", available());

        List<String> assigned = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            assigned.add(routeNewConversation(i).orElseThrow());
        }

        assertThat(assigned).containsExactly("alice", "bob", "carol", "alice", "bob", "carol");
    }

    @Test
    void onlyActiveAvailableWorkersTakePartAndANewcomerGoesFirst() {
        f.worker("alice", available());
        f.worker("away", WorkerParams.NONE);
        f.worker("gone", available().withState(WorkerState.DEACTIVATED));

        assertThat(routeNewConversation(1)).contains("alice");
        assertThat(routeNewConversation(2)).contains("alice");
        f.workers().update(f.acc(), "away", available());
        assertThat(routeNewConversation(3)).contains("away");
        assertThat(routeNewConversation(4)).contains("alice");
        f.workers().update(f.acc(), "alice", WorkerParams.NONE.withAvailable(false));
        assertThat(routeNewConversation(5)).contains("away");
    }

    @Test
    void withNobodyAvailableTheConversationStaysWithoutWorker() {
        f.worker("away", WorkerParams.NONE);
        InboundLookup.Created created = (InboundLookup.Created) f.frontline.inbound(f.service, Fixture.CUSTOMER,
            Fixture.COMPANY, true);

        RoutingAttempt attempt = f.frontline.route(created.conversation(), created.customer());

        assertThat(attempt.done()).isTrue();
        assertThat(attempt.routing()).isEqualTo(Routing.pool());
        assertThat(attempt.status()).isEqualTo("pool routing: no available worker");
        assertThat(f.frontline.workerOf(created.conversation())).isInstanceOf(WorkerAssignment.NoWorker.class);
    }

    @Test
    void aConversationClosedMeanwhileIsNotRoutedIntoAndTheAttemptSaysWhy() {
        f.worker("alice", available());
        InboundLookup.Created created = (InboundLookup.Created) f.frontline.inbound(f.service, Fixture.CUSTOMER,
            Fixture.COMPANY, true);
        f.close(created.conversation());

        RoutingAttempt attempt = f.frontline.route(created.conversation(), created.customer());

        assertThat(attempt.status()).startsWith("pool routing: could not add alice: 50377");
    }

    @Test
    void conversationsRoutedAtOnceGoToDifferentWorkers() throws Exception {
        List<String> identities = List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8");
        identities.forEach(id -> f.worker(id, available()));
        List<Callable<Optional<Worker>>> picks = identities.stream()
            .<Callable<Optional<Worker>>>map(id -> () -> f.workers().nextForPool(f.acc())).toList();

        List<String> picked = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Optional<Worker>> pick : pool.invokeAll(picks)) {
                picked.add(pick.get().orElseThrow().identity());
            }
        }

        assertThat(picked).containsExactlyInAnyOrderElementsOf(identities);
    }

    @Test
    void noRoutingLeavesTheConversationAlone() {
        f.frontline.services().route(f.acc(), f.service.sid(), Routing.none());
        f.worker("alice", available());
        InboundLookup.Created created = (InboundLookup.Created) f.frontline.inbound(f.service, Fixture.CUSTOMER,
            Fixture.COMPANY, true);

        RoutingAttempt attempt = f.frontline.route(created.conversation(), created.customer());

        assertThat(attempt.done()).isTrue();
        assertThat(attempt.status()).contains("no routing");
        assertThat(attempt.callbackOutcome()).isEmpty();
        assertThat(f.frontline.workerOf(created.conversation())).isInstanceOf(WorkerAssignment.NoWorker.class);
        assertThat(f.workers().fetch(f.acc(), "alice").lastPooledAt()).isEmpty();
    }

    @Test
    void aConversationWhoseServiceIsGoneIsNotRouted() {
        f.worker("alice", available());
        InboundLookup.Created created = (InboundLookup.Created) f.frontline.inbound(f.service, Fixture.CUSTOMER,
            Fixture.COMPANY, true);
        f.frontline.services().delete(f.acc(), f.service.sid());

        RoutingAttempt attempt = f.frontline.route(created.conversation(), created.customer());

        assertThat(attempt.status()).isEqualTo("no routing: service " + f.service.sid() + " no longer exists");
        assertThat(f.workers().fetch(f.acc(), "alice").lastPooledAt()).isEmpty();
    }
}
