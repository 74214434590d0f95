package dev.parley.engine.conversation;

import static dev.parley.engine.conversation.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.Sids;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkersTest {

    private final Fixture f = Fixture.manual();

    @Test
    void aNewWorkerIsActiveButNotAvailable() {
        Worker w = f.worker("alice@example.com", WorkerParams.NONE);

        assertThat(Sids.isSid(w.sid(), "US")).isTrue();
        assertThat(w.identity()).isEqualTo("alice@example.com");
        assertThat(w.state()).isEqualTo(WorkerState.ACTIVE);
        assertThat(w.isAvailable()).isFalse();
        assertThat(w.inPool()).isFalse();
        assertThat(w.friendlyName()).isEmpty();
        assertThat(w.avatar()).isEmpty();
        assertThat(w.lastPooledAt()).isEmpty();
        assertThat(w.address()).isEqualTo("client:alice@example.com");
    }

    @Test
    void aWorkerWithANumberOfTheirOwnIsReachedThere() {
        Worker w = f.worker("bob", WorkerParams.NONE.withPhoneNumber("+15557654321").withFriendlyName("Bob")
            .withAvatar("https://example.com/bob.png").withAvailable(true));

        assertThat(w.address()).isEqualTo("+15557654321");
        assertThat(w.friendlyName()).contains("Bob");
        assertThat(w.avatar()).contains("https://example.com/bob.png");
        assertThat(w.inPool()).isTrue();
    }

    @Test
    void identitiesAreRequiredUniqueAndUnlikeSids() {
        Worker alice = f.worker("alice", WorkerParams.NONE);
        refused(() -> f.worker("", WorkerParams.NONE), 50204, 400);
        refused(() -> f.worker("alice", WorkerParams.NONE), 50201, 409);
        refused(() -> f.worker(alice.sid(), WorkerParams.NONE), 50206, 400);
        String other = f.directory.createAccount("other", f.clock.now()).sid();
        assertThat(f.workers().create(other, "alice", WorkerParams.NONE).accountSid()).isEqualTo(other);
    }

    @Test
    void workersAreFoundBySidOrIdentityInTheirAccount() {
        Worker alice = f.worker("alice", WorkerParams.NONE);
        String other = f.directory.createAccount("other", f.clock.now()).sid();

        assertThat(f.workers().fetch(f.acc(), alice.sid())).isEqualTo(alice);
        assertThat(f.workers().fetch(f.acc(), "alice")).isEqualTo(alice);
        assertThat(f.workers().list(f.acc())).containsExactly(alice);
        refused(() -> f.workers().fetch(other, alice.sid()), 20404, 404);
        refused(() -> f.workers().fetch(f.acc(), "bob"), 20404, 404);
    }

    @Test
    void anUpdateChangesWhatItSendsAndAnEmptyTextClears() {
        Worker w = f.worker("alice", WorkerParams.NONE.withPhoneNumber("+15557654321").withFriendlyName("Alice"));
        f.manualClock().advance(Duration.ofMinutes(1));

        Worker updated = f.workers().update(f.acc(), "alice", WorkerParams.NONE.withAvailable(true).withPhoneNumber("")
            .withState(WorkerState.DEACTIVATED));

        assertThat(updated.isAvailable()).isTrue();
        assertThat(updated.state()).isEqualTo(WorkerState.DEACTIVATED);
        assertThat(updated.inPool()).isFalse();
        assertThat(updated.phoneNumber()).isEmpty();
        assertThat(updated.friendlyName()).contains("Alice");
        assertThat(updated.dateCreated()).isEqualTo(w.dateCreated());
        assertThat(updated.dateUpdated()).isEqualTo(f.clock.now());
        assertThat(WorkerState.of("deactivated")).contains(WorkerState.DEACTIVATED);
    }

    @Test
    void aDeletedWorkerIsGone() {
        f.worker("alice", WorkerParams.NONE);
        f.workers().delete(f.acc(), "alice");
        assertThat(f.workers().find(f.acc(), "alice")).isEmpty();
        refused(() -> f.workers().delete(f.acc(), "alice"), 20404, 404);
    }
}
