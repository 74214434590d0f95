package dev.parley.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import dev.parley.engine.clock.Clock;
import dev.parley.engine.store.memory.InMemoryStore;
import dev.parley.engine.webhook.WebhookTransport;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** One account with one Frontline service over an in-memory store; seeded SIDs. */
final class Fixture {

    static final String CUSTOMER = "+15551230001";
    static final String COMPANY = "+15559990001";

    /** A transport for tests in which no webhook may go out. */
    static final WebhookTransport NO_WEBHOOKS = request -> {
        throw new AssertionError("no webhook expected: " + request);
    };

    final Clock clock;
    final Sids sids = new Sids(new Random(7));
    final Directory directory;
    final InMemoryConversationStore store = new InMemoryConversationStore();
    final Frontline frontline;
    final Account account;
    final ConversationService service;

    Fixture(Clock clock, WebhookTransport transport) {
        this.clock = clock;
        this.directory = new Directory(new InMemoryStore(), sids, clock);
        this.frontline = new Frontline(store, sids, clock, transport, directory);
        this.account = directory.createAccount("test", clock.now());
        this.service = frontline.services().create(account.sid(), "Frontline Service");
    }

    /** On a {@link ManualClock}, without webhooks. */
    static Fixture manual() {
        return new Fixture(new ManualClock(), NO_WEBHOOKS);
    }

    ManualClock manualClock() {
        return (ManualClock) clock;
    }

    String acc() {
        return account.sid();
    }

    Conversations conversations() {
        return frontline.conversations();
    }

    Participants participants() {
        return frontline.participants();
    }

    Workers workers() {
        return frontline.workers();
    }

    Conversation conversation() {
        return conversations().create(acc(), service.sid(), ConversationParams.NONE);
    }

    Conversation conversation(ConversationParams params) {
        return conversations().create(acc(), service.sid(), params);
    }

    Participant customer(Conversation c, String address, String proxyAddress) {
        return participants().add(acc(), service.sid(), c.sid(), ParticipantParams.customer(address, proxyAddress));
    }

    Participant chat(Conversation c, String identity) {
        return participants().add(acc(), service.sid(), c.sid(), ParticipantParams.chat(identity));
    }

    Worker worker(String identity, WorkerParams params) {
        return workers().create(acc(), identity, params);
    }

    Conversation close(Conversation c) {
        return conversations().update(acc(), service.sid(), c.sid(),
            ConversationParams.builder().state(ConversationState.CLOSED).build());
    }

    Conversation reload(Conversation c) {
        return conversations().fetch(c.accountSid(), c.chatServiceSid(), c.sid());
    }

    /** Asserts that the call fails with Twilio's code and HTTP status. */
    static void refused(ThrowingCallable call, int code, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConversationException.class, e -> {
            assertThat(e.code()).as("code of %s", e).isEqualTo(code);
            assertThat(e.status()).as("status of %s", e).isEqualTo(status);
        });
    }
}
