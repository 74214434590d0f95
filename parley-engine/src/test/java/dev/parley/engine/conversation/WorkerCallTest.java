package dev.parley.engine.conversation;

import static dev.parley.engine.conversation.Fixture.COMPANY;
import static dev.parley.engine.conversation.Fixture.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A worker's call names its conversation by {@code ConversationSid} (decision 3). */
class WorkerCallTest {

    private final Fixture f = Fixture.manual();

    private WorkerCallLookup call(String conversationSid) {
        return f.frontline.workerCall(f.service, Optional.of(conversationSid));
    }

    private static void invalid(WorkerCallLookup lookup, String because) {
        assertThat(lookup).isInstanceOfSatisfying(WorkerCallLookup.Invalid.class,
            i -> assertThat(i.reason()).contains(because));
    }

    @Test
    void theCustomerIsDialledFromTheProxyAddress() {
        Conversation c = f.conversation();
        Participant customer = f.customer(c, CUSTOMER, COMPANY);
        f.chat(c, "alice");

        WorkerCallLookup.Found found = (WorkerCallLookup.Found) call(c.sid());

        assertThat(found.conversation()).isEqualTo(c);
        assertThat(found.customer()).isEqualTo(customer);
        assertThat(found.customerAddress()).isEqualTo(CUSTOMER);
        assertThat(found.callerId()).isEqualTo(COMPANY);
    }

    @Test
    void anInactiveConversationBecomesActive() {
        Conversation c = f.conversation(ConversationParams.builder().state(ConversationState.INACTIVE).build());
        f.customer(c, CUSTOMER, COMPANY);

        WorkerCallLookup.Found found = (WorkerCallLookup.Found) call(c.sid());

        assertThat(found.conversation().state()).isEqualTo(ConversationState.ACTIVE);
        assertThat(f.reload(c).state()).isEqualTo(ConversationState.ACTIVE);
    }

    @Test
    void aMissingUnknownForeignOrClosedConversationIsInvalid() {
        Conversation closed = f.conversation();
        f.customer(closed, CUSTOMER, COMPANY);
        f.close(closed);
        ConversationService other = f.frontline.services().create(f.acc(), "Other");
        Conversation elsewhere = f.conversations().create(f.acc(), other.sid(), ConversationParams.NONE);

        invalid(f.frontline.workerCall(f.service, Optional.empty()), "no ConversationSid");
        invalid(call(""), "no ConversationSid");
        invalid(call("CH123"), "is no conversation SID");
        invalid(call("CH00000000000000000000000000000000"), "no conversation");
        invalid(call(elsewhere.sid()), "no conversation " + elsewhere.sid() + " in service " + f.service.sid());
        invalid(call(closed.sid()), "is closed");
    }

    @Test
    void aConversationWithoutExactlyOneCustomerIsUnusable() {
        Conversation none = f.conversation();
        f.chat(none, "alice");
        Conversation two = f.conversation();
        f.customer(two, CUSTOMER, COMPANY);
        f.customer(two, "+15551230002", COMPANY);

        for (Conversation c : new Conversation[] {none, two}) {
            assertThat(call(c.sid())).isInstanceOfSatisfying(WorkerCallLookup.Unusable.class, u -> {
                assertThat(u.alertCode()).isEqualTo(32505);
                assertThat(u.reason()).contains(c.sid());
            });
        }
    }
}
