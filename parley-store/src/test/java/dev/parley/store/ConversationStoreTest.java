package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.account.Directory;
import dev.parley.engine.clock.SystemClock;
import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.ConversationBindings;
import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.ConversationState;
import dev.parley.engine.conversation.ConversationStore;
import dev.parley.engine.conversation.ConversationTimers;
import dev.parley.engine.conversation.Frontline;
import dev.parley.engine.conversation.InMemoryConversationStore;
import dev.parley.engine.conversation.InboundLookup;
import dev.parley.engine.conversation.MessagingBinding;
import dev.parley.engine.conversation.Participant;
import dev.parley.engine.conversation.Routing;
import dev.parley.engine.conversation.Worker;
import dev.parley.engine.conversation.WorkerState;
import dev.parley.engine.store.StoredAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The conversation domain's store port, on H2 and PostgreSQL ({@link JdbcStore#conversations()}) and, to hold the
 * two to the same rules, on the engine's {@link InMemoryConversationStore}: every field kept, creation order,
 * replace by SID, cascading deletes, all-or-nothing transactions, and the account lock that keeps the domain's
 * invariant (one conversation per customer and company number) under concurrent calls.
 */
@ParameterizedClass
@EnumSource(Database.class)
class ConversationStoreTest extends StoreTest {

    private final InMemoryConversationStore memory = new InMemoryConversationStore();
    private StoredAccount account;

    @BeforeEach
    void anAccount() {
        account = account();
    }

    private ConversationStore conversations() {
        return store instanceof JdbcStore jdbc ? jdbc.conversations() : memory;
    }

    private void write(Consumer<ConversationStore.Transaction> work) {
        conversations().atomically(account.sid(), tx -> {
            work.accept(tx);
            return null;
        });
    }

    private ConversationService service(String name, Routing routing) {
        return new ConversationService(sids.next("IS"), account.sid(), name, t(1), t(2), routing);
    }

    private Conversation conversation(ConversationService service, Instant created) {
        return new Conversation(sids.next("CH"), account.sid(), service.sid(), Optional.of(sids.next("MG")),
            Optional.of("Talk"), Optional.of("talk-" + sids.secret()), "{\"a\":1}", ConversationState.ACTIVE, created,
            created.plusSeconds(1), ConversationTimers.armed(Optional.of(Duration.ofMinutes(10)),
                Optional.of(Duration.ofHours(1)), created),
            new ConversationBindings(Optional.of("bot@example.com"), Optional.of("Bot")));
    }

    private Participant customer(Conversation c, String address) {
        return new Participant(sids.next("MB"), account.sid(), c.chatServiceSid(), c.sid(), Optional.empty(), "{}",
            Optional.of(MessagingBinding.of(address, "+15559990001")), Optional.of(sids.next("RL")), t(3), t(4),
            Optional.of(7), Optional.of("2025-03-01T10:00:07Z"));
    }

    private Participant chat(Conversation c, String identity) {
        return new Participant(sids.next("MB"), account.sid(), c.chatServiceSid(), c.sid(), Optional.of(identity),
            "{\"role\":\"agent\"}", Optional.empty(), Optional.empty(), t(3), t(3), Optional.empty(), Optional.empty());
    }

    private Worker worker(String identity) {
        return new Worker(sids.next("US"), account.sid(), identity, Optional.of("Alice A."),
            Optional.of("https://example.com/a.png"), WorkerState.ACTIVE, true, Optional.of("+15558880001"), t(1), t(2),
            Optional.of(t(5)));
    }

    @Test
    void everyFieldOfEveryRowIsKept() {
        ConversationService none = service("None", Routing.none());
        ConversationService pool = service("Pool", new Routing.Pool());
        ConversationService custom = service("Custom", Routing.custom("https://app.example/route"));
        Conversation talk = conversation(custom, t(2));
        Conversation bare = new Conversation(sids.next("CH"), account.sid(), custom.sid(), Optional.empty(),
            Optional.empty(), Optional.empty(), "{}", ConversationState.CLOSED, t(2), t(2), ConversationTimers.NONE,
            ConversationBindings.NONE);
        Participant customer = customer(talk, "+15551230001");
        Participant agent = chat(talk, "alice");
        Participant projected = new Participant(sids.next("MB"), account.sid(), custom.sid(), talk.sid(),
            Optional.of("bob"), "{}", Optional.of(MessagingBinding.projected("+15557770001")), Optional.empty(), t(3),
            t(3), Optional.empty(), Optional.empty());
        Worker alice = worker("alice");
        Worker bare2 = new Worker(sids.next("US"), account.sid(), "bob", Optional.empty(), Optional.empty(),
            WorkerState.DEACTIVATED, false, Optional.empty(), t(1), t(1), Optional.empty());

        write(tx -> {
            tx.put(none);
            tx.put(pool);
            tx.put(custom);
            tx.defaultService(account.sid(), pool.sid());
            tx.put(talk);
            tx.put(bare);
            tx.put(customer);
            tx.put(agent);
            tx.put(projected);
            tx.put(alice);
            tx.put(bare2);
        });

        ConversationStore s = conversations();
        assertThat(s.services(account.sid())).containsExactly(none, pool, custom);
        assertThat(s.service(custom.sid())).contains(custom);
        assertThat(s.defaultServiceSid(account.sid())).contains(pool.sid());
        assertThat(s.conversations(custom.sid())).containsExactly(talk, bare);
        assertThat(s.conversation(talk.sid())).contains(talk);
        assertThat(s.conversationByUniqueName(custom.sid(), talk.uniqueName().orElseThrow())).contains(talk);
        assertThat(s.participants(talk.sid())).containsExactly(customer, agent, projected);
        assertThat(s.participant(customer.sid())).contains(customer);
        assertThat(s.participantsByAddress(account.sid(), "+15551230001")).containsExactly(customer);
        assertThat(s.participantsByIdentity(custom.sid(), "alice")).containsExactly(agent);
        assertThat(s.workers(account.sid())).containsExactly(alice, bare2);
        assertThat(s.worker(alice.sid())).contains(alice);
        assertThat(s.workerByIdentity(account.sid(), "bob")).contains(bare2);
    }

    @Test
    void aPutReplacesByItsSidAndListsKeepTheOrderOfCreation() {
        ConversationService service = service("First", Routing.none());
        Conversation first = conversation(service, t(5));
        Conversation second = conversation(service, t(5));
        Conversation third = conversation(service, t(5));
        Worker alice = worker("alice");
        write(tx -> {
            tx.put(service);
            tx.put(first);
            tx.put(second);
            tx.put(third);
            tx.put(alice);
        });

        ConversationService renamed = service.withRouting(new Routing.Pool(), t(9));
        Conversation closed = first.settled(t(5).plus(Duration.ofDays(1)));
        Worker pooled = new Worker(alice.sid(), alice.accountSid(), "alice", Optional.empty(), Optional.empty(),
            WorkerState.ACTIVE, false, Optional.empty(), alice.dateCreated(), t(10), Optional.of(t(10)));
        write(tx -> {
            tx.put(renamed);
            tx.put(closed);
            tx.put(pooled);
            tx.defaultService(account.sid(), service.sid());
        });

        ConversationStore s = conversations();
        assertThat(closed.state()).isEqualTo(ConversationState.CLOSED);
        assertThat(s.services(account.sid())).containsExactly(renamed);
        assertThat(s.conversations(service.sid())).containsExactly(closed, second, third);
        assertThat(s.workers(account.sid())).containsExactly(pooled);
        assertThat(s.defaultServiceSid(account.sid())).contains(service.sid());
    }

    @Test
    void deletingAServiceDeletesItsConversationsTheirParticipantsAndTheDefault() {
        ConversationService kept = service("Kept", Routing.none());
        ConversationService gone = service("Gone", Routing.none());
        Conversation talk = conversation(gone, t(2));
        Conversation other = conversation(kept, t(2));
        Participant customer = customer(talk, "+15551230001");
        Participant stays = customer(other, "+15551230002");
        Participant leaves = chat(other, "alice");
        Worker alice = worker("alice");
        write(tx -> {
            tx.put(kept);
            tx.put(gone);
            tx.defaultService(account.sid(), gone.sid());
            tx.put(talk);
            tx.put(other);
            tx.put(customer);
            tx.put(stays);
            tx.put(leaves);
            tx.put(alice);
        });

        write(tx -> {
            tx.deleteService(gone.sid());
            tx.deleteParticipant(leaves.sid());
            tx.deleteWorker(alice.sid());
        });

        ConversationStore s = conversations();
        assertThat(s.services(account.sid())).containsExactly(kept);
        assertThat(s.defaultServiceSid(account.sid())).isEmpty();
        assertThat(s.conversation(talk.sid())).isEmpty();
        assertThat(s.participant(customer.sid())).isEmpty();
        assertThat(s.participants(other.sid())).containsExactly(stays);
        assertThat(s.workers(account.sid())).isEmpty();

        write(tx -> tx.deleteConversation(other.sid()));
        assertThat(s.participant(stays.sid())).isEmpty();
        assertThat(s.conversations(kept.sid())).isEmpty();
    }

    @Test
    void workThatThrowsLeavesNothingBehindAndATransactionSeesItsOwnWrites() {
        ConversationService kept = service("kept", Routing.none());
        write(tx -> tx.put(kept));

        assertThatThrownBy(() -> write(tx -> {
            tx.put(service("new", Routing.none()));
            tx.put(new ConversationService(kept.sid(), account.sid(), "renamed", kept.dateCreated(), t(9),
                Routing.none()));
            assertThat(tx.services(account.sid())).extracting(ConversationService::friendlyName)
                .containsExactly("renamed", "new");
            tx.deleteService(kept.sid());
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(conversations().services(account.sid())).containsExactly(kept);
    }

    @Test
    void transactionsDoNotNest() {
        assertThatThrownBy(() -> conversations().atomically(account.sid(),
            tx -> conversations().atomically(account.sid(), inner -> null))).isInstanceOf(IllegalStateException.class);
        String again = conversations().atomically(account.sid(), tx -> "again");
        assertThat(again).isEqualTo("again");
    }

    @Test
    void simultaneousCallsFromOneCustomerMakeOneConversation() throws Exception {
        Frontline frontline = new Frontline(conversations(), sids, new SystemClock(), request -> {
            throw new AssertionError("no webhook expected: " + request);
        }, new Directory(store, sids, new SystemClock()));
        ConversationService service = frontline.services().create(account.sid(), "Frontline Service");
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<InboundLookup>> lookups = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<InboundLookup> call : IntStream.range(0, threads).<Callable<InboundLookup>>mapToObj(i -> () -> {
                assertThat(start.await(20, TimeUnit.SECONDS)).as("start gate (hang guard)").isTrue();
                return frontline.inbound(service, "+15551230001", "+15559990001", true);
            }).toList()) {
                lookups.add(pool.submit(call));
            }
            start.countDown();
            List<InboundLookup> results = new ArrayList<>();
            for (Future<InboundLookup> lookup : lookups) results.add(lookup.get(30, TimeUnit.SECONDS));

            assertThat(results).filteredOn(InboundLookup.Created.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(InboundLookup.Existing.class::isInstance).hasSize(threads - 1);
        }
        assertThat(conversations().conversations(service.sid())).hasSize(1);
        assertThat(conversations().participantsByAddress(account.sid(), "+15551230001")).hasSize(1);
    }
}
