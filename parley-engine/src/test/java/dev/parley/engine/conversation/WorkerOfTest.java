package dev.parley.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The worker of an existing conversation (decision 4). */
class WorkerOfTest {

    private final Fixture f = Fixture.manual();
    private final Conversation c = f.conversation();

    WorkerOfTest() {
        f.customer(c, Fixture.CUSTOMER, Fixture.COMPANY);
    }

    @Test
    void withoutWorkerParticipantTheConversationIsIncomplete() {
        WorkerAssignment assignment = f.frontline.workerOf(c);

        assertThat(assignment).isInstanceOfSatisfying(WorkerAssignment.NoWorker.class, none -> {
            assertThat(none.alertCode()).isEqualTo(32504);
            assertThat(none.reason()).contains(c.sid());
        });
    }

    @Test
    void aWorkerParticipantThatIsNoActiveFrontlineUserIsUnusable() {
        f.chat(c, "stranger");
        f.worker("former", WorkerParams.NONE.withState(WorkerState.DEACTIVATED));
        f.chat(c, "former");

        WorkerAssignment assignment = f.frontline.workerOf(c);

        assertThat(assignment).isInstanceOfSatisfying(WorkerAssignment.Unusable.class, bad -> {
            assertThat(bad.alertCode()).isEqualTo(32505);
            assertThat(bad.reason()).contains("stranger is no Frontline user", "former is deactivated");
        });
    }

    @Test
    void theFirstActiveWorkerIsReachedAtTheirClientWhateverTheirAvailability() {
        f.chat(c, "stranger");
        Participant alice = f.chat(c, "alice@example.com");
        Worker worker = f.worker("alice@example.com", WorkerParams.NONE);
        f.worker("bob", WorkerParams.NONE);
        f.chat(c, "bob");

        WorkerAssignment assignment = f.frontline.workerOf(c);

        assertThat(assignment).isEqualTo(new WorkerAssignment.Assigned(alice, worker));
        assertThat(((WorkerAssignment.Assigned) assignment).address()).isEqualTo("client:alice@example.com");
    }

    @Test
    void aWorkerWithANumberOfTheirOwnIsDialledThere() {
        f.worker("alice", WorkerParams.NONE.withPhoneNumber("+15557654321"));
        f.chat(c, "alice");

        assertThat(f.frontline.workerOf(c)).isInstanceOfSatisfying(WorkerAssignment.Assigned.class,
            a -> assertThat(a.address()).isEqualTo("+15557654321"));
    }
}
