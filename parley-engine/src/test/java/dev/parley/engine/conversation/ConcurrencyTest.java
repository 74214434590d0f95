package dev.parley.engine.conversation;

import static dev.parley.engine.conversation.Fixture.COMPANY;
import static dev.parley.engine.conversation.Fixture.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;

/** Calls run on many threads: 50416 is the invariant whatever the interleaving. */
class ConcurrencyTest {

    private static final int THREADS = 16;

    private final Fixture f = Fixture.manual();

    /** Runs the tasks on virtual threads released together; their results in task order. */
    private static <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    assertThat(start.await(20, TimeUnit.SECONDS)).as("start gate (hang guard)").isTrue();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(20, TimeUnit.SECONDS));
            }
            return results;
        }
    }

    @RepeatedTest(5)
    void simultaneousCallsFromOneCustomerMakeOneConversation() throws Exception {
        List<InboundLookup> lookups = together(IntStream.range(0, THREADS)
            .<Callable<InboundLookup>>mapToObj(i -> () -> f.frontline.inbound(f.service, CUSTOMER, COMPANY, true))
            .toList());

        assertThat(lookups).filteredOn(InboundLookup.Created.class::isInstance).hasSize(1);
        assertThat(lookups).filteredOn(InboundLookup.Existing.class::isInstance).hasSize(THREADS - 1);
        assertThat(lookups).extracting(l -> l instanceof InboundLookup.Created c ? c.conversation().sid()
            : ((InboundLookup.Existing) l).conversation().sid()).containsOnly(lookups.stream()
            .filter(InboundLookup.Created.class::isInstance).map(l -> ((InboundLookup.Created) l).conversation().sid())
            .findFirst().orElseThrow());
        List<Conversation> all = f.conversations().list(f.acc(), f.service.sid(), Optional.empty());
        assertThat(all).hasSize(1);
        assertThat(f.participants().list(f.acc(), f.service.sid(), all.get(0).sid())).hasSize(1);
    }

    @RepeatedTest(5)
    void simultaneousAddsOfOnePairToManyConversationsLetOneThrough() throws Exception {
        List<Conversation> conversations = IntStream.range(0, THREADS).mapToObj(i -> f.conversation()).toList();

        List<Optional<Integer>> outcomes = together(conversations.stream().<Callable<Optional<Integer>>>map(c -> () -> {
            try {
                f.customer(c, CUSTOMER, COMPANY);
                return Optional.empty();
            } catch (ConversationException e) {
                return Optional.of(e.code());
            }
        }).toList());

        assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(1);
        assertThat(outcomes).filteredOn(Optional::isPresent).extracting(Optional::get).hasSize(THREADS - 1)
            .containsOnly(50416);
        assertThat(f.store.participantsByAddress(f.acc(), CUSTOMER)).hasSize(1);
    }

    @RepeatedTest(5)
    void simultaneousCallsFromManyCustomersMakeOneConversationEach() throws Exception {
        List<InboundLookup> lookups = together(IntStream.range(0, THREADS).<Callable<InboundLookup>>mapToObj(
            i -> () -> f.frontline.inbound(f.service, "+1555123" + String.format("%04d", i), COMPANY, true)).toList());

        assertThat(lookups).allMatch(InboundLookup.Created.class::isInstance);
        assertThat(f.conversations().list(f.acc(), f.service.sid(), Optional.empty())).hasSize(THREADS);
    }
}
