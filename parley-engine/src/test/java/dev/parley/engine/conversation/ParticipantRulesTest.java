package dev.parley.engine.conversation;

import static dev.parley.engine.conversation.Fixture.COMPANY;
import static dev.parley.engine.conversation.Fixture.CUSTOMER;
import static dev.parley.engine.conversation.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.Sids;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParticipantRulesTest {

    private final Fixture f = Fixture.manual();
    private final Conversation c = f.conversation();

    private void refusedAdd(ParticipantParams params, int code) {
        refused(() -> f.participants().add(f.acc(), f.service.sid(), c.sid(), params), code, code == 50416
            || code == 50433 || code == 50437 ? 409 : 400);
    }

    @Test
    void aCustomerHasAnSmsBindingAndNoIdentity() {
        Participant p = f.customer(c, CUSTOMER, COMPANY);

        assertThat(Sids.isSid(p.sid(), "MB")).isTrue();
        assertThat(p.conversationSid()).isEqualTo(c.sid());
        assertThat(p.chatServiceSid()).isEqualTo(f.service.sid());
        assertThat(p.accountSid()).isEqualTo(f.acc());
        assertThat(p.identity()).isEmpty();
        assertThat(p.isChat()).isFalse();
        assertThat(p.messagingBinding()).contains(new MessagingBinding("sms", Optional.of(CUSTOMER), Optional.of(COMPANY),
            Optional.empty()));
        assertThat(p.attributes()).isEqualTo("{}");
        assertThat(p.roleSid()).isEmpty();
        assertThat(p.lastReadMessageIndex()).isEmpty();
        assertThat(p.dateCreated()).isEqualTo(ManualClock.START).isEqualTo(p.dateUpdated());
    }

    @Test
    void aWhatsAppCustomerHasAWhatsAppBinding() {
        Participant p = f.customer(c, "whatsapp:" + CUSTOMER, "whatsapp:" + COMPANY);
        assertThat(p.messagingBinding().orElseThrow().type()).isEqualTo("whatsapp");
    }

    @Test
    void aWorkerIsAChatParticipantWithoutBinding() {
        Participant p = f.participants().add(f.acc(), f.service.sid(), c.sid(),
            ParticipantParams.chat("alice@example.com").withAttributes("{\"role\":\"owner\"}")
                .withRoleSid("RL00000000000000000000000000000001"));

        assertThat(p.isChat()).isTrue();
        assertThat(p.identity()).contains("alice@example.com");
        assertThat(p.messagingBinding()).isEmpty();
        assertThat(p.attributes()).isEqualTo("{\"role\":\"owner\"}");
        assertThat(p.roleSid()).contains("RL00000000000000000000000000000001");
    }

    @Test
    void aGroupMmsChatParticipantHasOnlyAProjectedAddress() {
        Participant p = f.participants().add(f.acc(), f.service.sid(), c.sid(),
            ParticipantParams.chat("alice@example.com").withProjectedAddress(COMPANY));
        assertThat(p.messagingBinding()).contains(new MessagingBinding("sms", Optional.empty(), Optional.empty(),
            Optional.of(COMPANY)));
    }

    @Test
    void whoAParticipantIs() {
        refusedAdd(ParticipantParams.NONE, 50204);
        refusedAdd(ParticipantParams.NONE.withIdentity(""), 50204);
        refusedAdd(ParticipantParams.customer(CUSTOMER, COMPANY).withIdentity("alice"), 50211);
        refusedAdd(new ParticipantParams(Optional.of("alice"), Optional.empty(), Optional.of(COMPANY), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), 50211);
        refusedAdd(ParticipantParams.customer(CUSTOMER, COMPANY).withProjectedAddress(COMPANY), 50443);
    }

    @Test
    void bothAddressesMustBeThere() {
        refusedAdd(ParticipantParams.customer("", COMPANY), 50411);
        refusedAdd(new ParticipantParams(Optional.empty(), Optional.empty(), Optional.of(COMPANY), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), 50411);
        refusedAdd(ParticipantParams.customer(CUSTOMER, ""), 50412);
        refusedAdd(new ParticipantParams(Optional.empty(), Optional.of(CUSTOMER), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), 50412);
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "client:alice", "sip:alice@example.com", "15551230001", "+0123", "whatsapp:alice",
        "+1555123000100000"})
    void anAddressMustBeE164OrAChannelAddress(String address) {
        refusedAdd(ParticipantParams.customer(address, COMPANY), 50407);
        refusedAdd(ParticipantParams.customer(CUSTOMER, address), 50408);
    }

    @Test
    void addressesAreAtMost256Characters() {
        refusedAdd(ParticipantParams.customer("messenger:" + "x".repeat(247), COMPANY), 50407);
        assertThat(f.customer(c, "messenger:" + "x".repeat(246), COMPANY).address()).isPresent();
    }

    @Test
    void theAddressIsNotTheProxyAddress() {
        refusedAdd(ParticipantParams.customer(COMPANY, COMPANY), 50409);
    }

    @Test
    void noParticipantTwiceInAConversation() {
        f.chat(c, "alice@example.com");
        f.customer(c, CUSTOMER, COMPANY);

        refusedAdd(ParticipantParams.chat("alice@example.com"), 50433);
        refusedAdd(ParticipantParams.customer(CUSTOMER, COMPANY), 50437);
        assertThat(f.customer(c, CUSTOMER, "+15559990002").proxyAddress()).contains("+15559990002");
    }

    @Test
    void anAddressPairBelongsToOneConversationThatIsNotClosedPerAccount() {
        f.customer(c, CUSTOMER, COMPANY);
        Conversation second = f.conversation();
        Conversation inactive = f.conversation(ConversationParams.builder().state(ConversationState.INACTIVE).build());
        ConversationService otherService = f.frontline.services().create(f.acc(), "Other");
        Conversation elsewhere = f.conversations().create(f.acc(), otherService.sid(), ConversationParams.NONE);

        assertThatThrownBy(() -> f.customer(second, CUSTOMER, COMPANY))
            .isInstanceOfSatisfying(ConversationException.class, e -> {
                assertThat(e.code()).isEqualTo(50416);
                assertThat(e.status()).isEqualTo(409);
                assertThat(e.getMessage()).isEqualTo(
                    "A binding for this participant and proxy address already exists in Conversation " + c.sid());
                assertThat(e.moreInfo()).isEqualTo("https://www.twilio.com/docs/errors/50416");
            });
        refused(() -> f.participants().add(f.acc(), otherService.sid(), elsewhere.sid(),
            ParticipantParams.customer(CUSTOMER, COMPANY)), 50416, 409);

        f.customer(inactive, "+15551230002", COMPANY);
        refused(() -> f.customer(second, "+15551230002", COMPANY), 50416, 409);
    }

    @Test
    void anotherAccountMayUseTheSamePair() {
        f.customer(c, CUSTOMER, COMPANY);
        String other = f.directory.createAccount("other", f.clock.now()).sid();
        ConversationService service = f.frontline.services().create(other, "Theirs");
        Conversation theirs = f.conversations().create(other, service.sid(), ConversationParams.NONE);

        Participant p = f.participants().add(other, service.sid(), theirs.sid(), ParticipantParams.customer(CUSTOMER, COMPANY));

        assertThat(p.accountSid()).isEqualTo(other);
    }

    @Test
    void closingRemovingOrDeletingFreesThePair() {
        f.customer(c, CUSTOMER, COMPANY);
        f.close(c);
        Conversation second = f.conversation();
        Participant again = f.customer(second, CUSTOMER, COMPANY);

        f.participants().remove(f.acc(), f.service.sid(), second.sid(), again.sid());
        Conversation third = f.conversation();
        f.customer(third, CUSTOMER, COMPANY);

        f.conversations().delete(f.acc(), f.service.sid(), third.sid());
        assertThat(f.customer(f.conversation(), CUSTOMER, COMPANY).address()).contains(CUSTOMER);
    }

    @Test
    void aClosedTimerFreesThePairWhenItFallsDue() {
        Conversation timed = f.conversation(ConversationParams.builder().state(ConversationState.ACTIVE)
            .timersClosed("PT10M").build());
        f.customer(timed, CUSTOMER, COMPANY);
        refused(() -> f.customer(c, CUSTOMER, COMPANY), 50416, 409);

        f.manualClock().advance(Duration.ofMinutes(10));

        assertThat(f.customer(c, CUSTOMER, COMPANY).conversationSid()).isEqualTo(c.sid());
    }

    @Test
    void aClosedConversationTakesNoParticipantsAndKeepsItsOwn() {
        Participant p = f.customer(c, CUSTOMER, COMPANY);
        f.close(c);

        refusedAdd(ParticipantParams.chat("alice@example.com"), 50377);
        refused(() -> f.participants().remove(f.acc(), f.service.sid(), c.sid(), p.sid()), 50377, 400);
        refused(() -> f.participants().update(f.acc(), f.service.sid(), c.sid(), p.sid(),
            ParticipantUpdate.NONE.withAttributes("{}")), 50377, 400);
        assertThat(f.participants().list(f.acc(), f.service.sid(), c.sid())).containsExactly(p);
    }

    @Test
    void participantsAreFoundBySidOrIdentityInTheirConversation() {
        Participant alice = f.chat(c, "alice@example.com");
        Participant customer = f.customer(c, CUSTOMER, COMPANY);
        Conversation other = f.conversation();

        assertThat(f.participants().fetch(f.acc(), f.service.sid(), c.sid(), alice.sid())).isEqualTo(alice);
        assertThat(f.participants().fetch(f.acc(), f.service.sid(), c.sid(), "alice@example.com")).isEqualTo(alice);
        assertThat(f.participants().list(f.acc(), f.service.sid(), c.sid())).containsExactly(alice, customer);
        refused(() -> f.participants().fetch(f.acc(), f.service.sid(), other.sid(), alice.sid()), 20404, 404);
        refused(() -> f.participants().fetch(f.acc(), f.service.sid(), c.sid(), "bob@example.com"), 20404, 404);
        refused(() -> f.participants().add(f.acc(), f.service.sid(), "CH00000000000000000000000000000000",
            ParticipantParams.chat("bob")), 20404, 404);
    }

    @Test
    void anUpdateChangesAttributesAndReadState() {
        Participant p = f.chat(c, "alice@example.com");
        f.manualClock().advance(Duration.ofSeconds(10));

        Participant updated = f.participants().update(f.acc(), f.service.sid(), c.sid(), "alice@example.com",
            ParticipantUpdate.NONE.withAttributes("{\"x\":1}").withLastRead(4, "2026-01-01T00:00:09Z"));

        assertThat(updated.attributes()).isEqualTo("{\"x\":1}");
        assertThat(updated.lastReadMessageIndex()).contains(4);
        assertThat(updated.lastReadTimestamp()).contains("2026-01-01T00:00:09Z");
        assertThat(updated.dateCreated()).isEqualTo(p.dateCreated());
        assertThat(updated.dateUpdated()).isEqualTo(f.clock.now());
        assertThat(updated.identity()).isEqualTo(p.identity());
    }

    @Test
    void participantConversationsByAddressAndByIdentity() {
        f.customer(c, CUSTOMER, COMPANY);
        f.chat(c, "alice@example.com");
        f.close(c);
        Conversation current = f.conversation();
        f.customer(current, CUSTOMER, COMPANY);
        f.chat(current, "alice@example.com");

        assertThat(f.participants().ofAddress(f.acc(), f.service.sid(), CUSTOMER))
            .extracting(pc -> pc.conversation().sid() + " " + pc.conversation().state().value())
            .containsExactly(c.sid() + " closed", current.sid() + " active");
        assertThat(f.participants().ofIdentity(f.acc(), f.service.sid(), "alice@example.com"))
            .allSatisfy(pc -> assertThat(pc.participant().identity()).contains("alice@example.com")).hasSize(2);
        assertThat(f.participants().ofAddress(f.acc(), f.service.sid(), "+15550000000")).isEmpty();
    }

    @Test
    void listenersHearOfEachParticipantOfTheirConversationUntilClosed() {
        List<Participant> heard = new CopyOnWriteArrayList<>();
        Subscription subscription = f.participants().onAdded(c.sid(), heard::add);
        Participant alice = f.chat(c, "alice@example.com");
        f.chat(f.conversation(), "bob@example.com");
        subscription.close();
        f.chat(c, "carol@example.com");
        subscription.close();

        assertThat(heard).containsExactly(alice);
    }
}
