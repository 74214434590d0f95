package dev.parley.engine.conversation;

import static dev.parley.engine.conversation.Fixture.COMPANY;
import static dev.parley.engine.conversation.Fixture.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A customer's call finds its conversation (decision 5) or makes one ({@code inboundAutocreation}). */
class InboundLookupTest {

    private final Fixture f = Fixture.manual();

    private InboundLookup call(String from, String to, boolean autocreate) {
        return f.frontline.inbound(f.service, from, to, autocreate);
    }

    private Conversation conversationOf(String address, ConversationParams params) {
        Conversation c = f.conversation(params);
        f.customer(c, address, COMPANY);
        return c;
    }

    @Test
    void aFirstCallMakesAConversationWithTheCallerAsCustomer() {
        InboundLookup lookup = call(CUSTOMER, COMPANY, true);

        InboundLookup.Created created = (InboundLookup.Created) lookup;
        assertThat(created.conversation().state()).isEqualTo(ConversationState.ACTIVE);
        assertThat(created.conversation().chatServiceSid()).isEqualTo(f.service.sid());
        assertThat(created.customer().messagingBinding()).contains(MessagingBinding.of(CUSTOMER, COMPANY));
        assertThat(created.customer().conversationSid()).isEqualTo(created.conversation().sid());
        assertThat(f.participants().list(f.acc(), f.service.sid(), created.conversation().sid()))
            .containsExactly(created.customer());
    }

    @Test
    void theNextCallFindsIt() {
        InboundLookup.Created first = (InboundLookup.Created) call(CUSTOMER, COMPANY, true);

        InboundLookup second = call(CUSTOMER, COMPANY, true);

        assertThat(second).isEqualTo(new InboundLookup.Existing(first.conversation(), first.customer()));
    }

    @Test
    void withoutAutocreationNothingIsFoundOrMade() {
        assertThat(call(CUSTOMER, COMPANY, false)).isEqualTo(new InboundLookup.NotFound());
        assertThat(f.conversations().list(f.acc(), f.service.sid(), Optional.empty())).isEmpty();
    }

    @Test
    void anActiveConversationMatches() {
        Conversation c = conversationOf(CUSTOMER, ConversationParams.NONE);

        InboundLookup.Existing existing = (InboundLookup.Existing) call(CUSTOMER, COMPANY, false);

        assertThat(existing.conversation()).isEqualTo(c);
        assertThat(existing.customer().address()).contains(CUSTOMER);
    }

    @Test
    void anInactiveConversationMatchesAndBecomesActiveWithItsTimersRearmed() {
        Conversation c = conversationOf(CUSTOMER, ConversationParams.builder().state(ConversationState.ACTIVE)
            .timersInactive("PT5M").timersClosed("PT1H").build());
        f.manualClock().advance(Duration.ofMinutes(20));
        assertThat(f.reload(c).state()).isEqualTo(ConversationState.INACTIVE);

        InboundLookup.Existing existing = (InboundLookup.Existing) call(CUSTOMER, COMPANY, false);

        Conversation active = existing.conversation();
        assertThat(active.sid()).isEqualTo(c.sid());
        assertThat(active.state()).isEqualTo(ConversationState.ACTIVE);
        assertThat(active.dateUpdated()).isEqualTo(f.clock.now());
        assertThat(active.timers().dateInactive()).contains(f.clock.now().plus(Duration.ofMinutes(5)));
        assertThat(active.timers().dateClosed()).contains(f.clock.now().plus(Duration.ofHours(1)));
        assertThat(f.reload(c)).isEqualTo(active);
    }

    @Test
    void aClosedConversationNeverMatches() {
        Conversation closed = f.close(conversationOf(CUSTOMER, ConversationParams.NONE));

        assertThat(call(CUSTOMER, COMPANY, false)).isEqualTo(new InboundLookup.NotFound());
        InboundLookup.Created created = (InboundLookup.Created) call(CUSTOMER, COMPANY, true);

        assertThat(created.conversation().sid()).isNotEqualTo(closed.sid());
        assertThat(f.reload(closed).state()).isEqualTo(ConversationState.CLOSED);
    }

    @Test
    void theCallerAndTheDialledNumberMustBothMatch() {
        conversationOf(CUSTOMER, ConversationParams.NONE);

        assertThat(call(CUSTOMER, "+15559990002", false)).isEqualTo(new InboundLookup.NotFound());
        assertThat(call("+15551230002", COMPANY, false)).isEqualTo(new InboundLookup.NotFound());
        assertThat(call(COMPANY, CUSTOMER, false)).isEqualTo(new InboundLookup.NotFound());
    }

    @Test
    void aConversationOfAnotherServiceIsNotFoundAndBlocksAutocreation() {
        ConversationService other = f.frontline.services().create(f.acc(), "Other");
        Conversation elsewhere = f.conversations().create(f.acc(), other.sid(), ConversationParams.NONE);
        f.participants().add(f.acc(), other.sid(), elsewhere.sid(), ParticipantParams.customer(CUSTOMER, COMPANY));

        assertThat(call(CUSTOMER, COMPANY, false)).isEqualTo(new InboundLookup.NotFound());
        InboundLookup failed = call(CUSTOMER, COMPANY, true);

        assertThat(failed).isInstanceOfSatisfying(InboundLookup.CreateFailed.class,
            e -> assertThat(e.errorCode()).isEqualTo(50416));
        assertThat(f.conversations().list(f.acc(), f.service.sid(), Optional.empty())).isEmpty();
    }

    @Test
    void aCallerThatIsNoAddressCannotHaveAConversationMadeAndNothingIsLeftBehind() {
        for (String caller : List.of("anonymous", "client:alice", "sip:bob@example.com")) {
            InboundLookup failed = call(caller, COMPANY, true);

            assertThat(failed).as(caller).isInstanceOfSatisfying(InboundLookup.CreateFailed.class,
                e -> assertThat(e.errorCode()).isEqualTo(50407));
        }
        assertThat(f.conversations().list(f.acc(), f.service.sid(), Optional.empty())).isEmpty();
    }

    @Test
    void aDeletedServiceMakesNoConversation() {
        f.frontline.services().delete(f.acc(), f.service.sid());

        assertThat(call(CUSTOMER, COMPANY, true)).isInstanceOfSatisfying(InboundLookup.CreateFailed.class,
            e -> assertThat(e.errorCode()).isEqualTo(20404));
    }

    @Test
    void workerListenersHearOnlyTheChatParticipantsAddedAfterwards() {
        InboundLookup.Created created = (InboundLookup.Created) call(CUSTOMER, COMPANY, true);
        List<Participant> workers = new CopyOnWriteArrayList<>();
        try (Subscription ignored = f.frontline.onWorkerAdded(created.conversation().sid(), workers::add)) {
            f.participants().add(f.acc(), f.service.sid(), created.conversation().sid(),
                ParticipantParams.customer("+15551230009", COMPANY));
            Participant alice = f.chat(created.conversation(), "alice");

            assertThat(workers).containsExactly(alice);
        }
    }
}
