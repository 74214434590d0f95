package dev.parley.engine.conversation;

import static dev.parley.engine.conversation.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.Sids;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversationRulesTest {

    private final Fixture f = Fixture.manual();

    private static ConversationParams.Builder active() {
        return ConversationParams.builder().state(ConversationState.ACTIVE);
    }

    @Test
    void aNewConversationHasTwiliosDefaults() {
        Conversation c = f.conversation();

        assertThat(Sids.isSid(c.sid(), "CH")).isTrue();
        assertThat(c.accountSid()).isEqualTo(f.acc());
        assertThat(c.chatServiceSid()).isEqualTo(f.service.sid());
        assertThat(c.state()).isEqualTo(ConversationState.ACTIVE);
        assertThat(c.attributes()).isEqualTo("{}");
        assertThat(c.friendlyName()).isEmpty();
        assertThat(c.uniqueName()).isEmpty();
        assertThat(c.messagingServiceSid()).isEmpty();
        assertThat(c.timers()).isEqualTo(ConversationTimers.NONE);
        assertThat(c.bindings().isEmpty()).isTrue();
        assertThat(c.dateCreated()).isEqualTo(ManualClock.START).isEqualTo(c.dateUpdated());
    }

    @Test
    void everyCreateParameterIsKept() {
        Instant created = Instant.parse("2025-06-01T10:00:00Z");
        Conversation c = f.conversation(ConversationParams.builder().friendlyName("Support").uniqueName("case-7")
            .attributes("{\"topic\":\"feedback\"}").messagingServiceSid("MG00000000000000000000000000000001")
            .dateCreated(created).state(ConversationState.INACTIVE).emailAddress("support@example.com")
            .emailName("Support").build());

        assertThat(c.friendlyName()).contains("Support");
        assertThat(c.uniqueName()).contains("case-7");
        assertThat(c.attributes()).isEqualTo("{\"topic\":\"feedback\"}");
        assertThat(c.messagingServiceSid()).contains("MG00000000000000000000000000000001");
        assertThat(c.dateCreated()).isEqualTo(created).isEqualTo(c.dateUpdated());
        assertThat(c.state()).isEqualTo(ConversationState.INACTIVE);
        assertThat(c.bindings()).isEqualTo(new ConversationBindings(Optional.of("support@example.com"), Optional.of("Support")));
        assertThat(f.conversations().fetch(f.acc(), f.service.sid(), "case-7")).isEqualTo(c);
    }

    @Test
    void aConversationCannotBeCreatedClosed() {
        refused(() -> f.conversation(ConversationParams.builder().state(ConversationState.CLOSED).build()), 50384, 400);
    }

    @Test
    void timersOnCreateNeedAState() {
        refused(() -> f.conversation(ConversationParams.builder().timersInactive("PT5M").build()), 50382, 400);
        refused(() -> f.conversation(ConversationParams.builder().timersClosed("PT1H").build()), 50382, 400);
    }

    @ParameterizedTest
    @CsvSource({
        "inactive, five minutes, 50379",
        "closed, P1Q, 50380",
        "inactive, PT59S, 50375",
        "closed, PT9M59S, 50376",
    })
    void timersMustBeIsoDurationsOfAMinimumLength(String timer, String value, int code) {
        ConversationParams.Builder params = active();
        if (timer.equals("inactive")) params.timersInactive(value);
        else params.timersClosed(value);
        refused(() -> f.conversation(params.build()), code, 400);
    }

    @Test
    void timersFallDueFromCreationInactiveFirstThenClosed() {
        Conversation c = f.conversation(active().timersInactive("PT1M").timersClosed("PT10M").build());
        Instant start = ManualClock.START;
        assertThat(c.timers().dateInactive()).contains(start.plusSeconds(60));
        assertThat(c.timers().dateClosed()).contains(start.plusSeconds(600));

        f.manualClock().advance(Duration.ofMinutes(1));
        Conversation inactive = f.reload(c);
        assertThat(inactive.state()).isEqualTo(ConversationState.INACTIVE);
        assertThat(inactive.dateUpdated()).isEqualTo(start.plusSeconds(60));
        assertThat(inactive.timers().dateInactive()).isEmpty();
        assertThat(inactive.timers().dateClosed()).contains(start.plusSeconds(600));

        f.manualClock().advance(Duration.ofMinutes(9));
        Conversation closed = f.reload(c);
        assertThat(closed.state()).isEqualTo(ConversationState.CLOSED);
        assertThat(closed.dateUpdated()).isEqualTo(start.plusSeconds(600));
        assertThat(closed.timers().dateClosed()).isEmpty();
    }

    @Test
    void aZeroTimerIsNoTimer() {
        Conversation c = f.conversation(active().timersInactive("PT0S").build());
        assertThat(c.timers()).isEqualTo(ConversationTimers.NONE);
    }

    @Test
    void reactivatingAnInactiveConversationRearmsItsTimers() {
        Conversation c = f.conversation(active().timersInactive("PT1M").timersClosed("PT1H").build());
        f.manualClock().advance(Duration.ofMinutes(5));
        assertThat(f.reload(c).state()).isEqualTo(ConversationState.INACTIVE);

        Conversation active = f.conversations().update(f.acc(), f.service.sid(), c.sid(), active().build());

        Instant now = f.clock.now();
        assertThat(active.state()).isEqualTo(ConversationState.ACTIVE);
        assertThat(active.timers().dateInactive()).contains(now.plusSeconds(60));
        assertThat(active.timers().dateClosed()).contains(now.plusSeconds(3600));
        assertThat(active.dateUpdated()).isEqualTo(now);
    }

    @Test
    void aClosedConversationNeverChangesAgain() {
        Conversation closed = f.close(f.conversation());
        assertThat(closed.state()).isEqualTo(ConversationState.CLOSED);

        refused(() -> f.conversations().update(f.acc(), f.service.sid(), closed.sid(), active().build()), 50377, 400);
        refused(() -> f.conversations().update(f.acc(), f.service.sid(), closed.sid(),
            ConversationParams.builder().friendlyName("again").build()), 50377, 400);
        assertThat(f.reload(closed)).isEqualTo(closed);
    }

    @Test
    void anUpdateChangesOnlyWhatItSends() {
        Conversation c = f.conversation(ConversationParams.builder().friendlyName("Support").attributes("{\"a\":1}").build());
        f.manualClock().advance(Duration.ofSeconds(30));

        Conversation updated = f.conversations().update(f.acc(), f.service.sid(), c.sid(),
            ConversationParams.builder().uniqueName("renamed").build());

        assertThat(updated.friendlyName()).contains("Support");
        assertThat(updated.attributes()).isEqualTo("{\"a\":1}");
        assertThat(updated.uniqueName()).contains("renamed");
        assertThat(updated.dateCreated()).isEqualTo(c.dateCreated());
        assertThat(updated.dateUpdated()).isEqualTo(f.clock.now());
    }

    @Test
    void uniqueNamesAreUniqueWithinAServiceAndUnlikeSids() {
        Conversation first = f.conversation(ConversationParams.builder().uniqueName("vip").build());
        refused(() -> f.conversation(ConversationParams.builder().uniqueName("vip").build()), 50353, 409);
        Conversation second = f.conversation();
        refused(() -> f.conversations().update(f.acc(), f.service.sid(), second.sid(),
            ConversationParams.builder().uniqueName("vip").build()), 50353, 409);
        refused(() -> f.conversation(ConversationParams.builder().uniqueName(first.sid()).build()), 50390, 400);

        ConversationService other = f.frontline.services().create(f.acc(), "Other");
        Conversation elsewhere = f.conversations().create(f.acc(), other.sid(),
            ConversationParams.builder().uniqueName("vip").build());
        assertThat(elsewhere.uniqueName()).contains("vip");
        assertThat(f.conversations().update(f.acc(), f.service.sid(), first.sid(),
            ConversationParams.builder().uniqueName("vip").build()).uniqueName()).contains("vip");
    }

    @Test
    void unknownConversationsAndServicesAre20404() {
        Conversation c = f.conversation();
        ConversationService other = f.frontline.services().create(f.acc(), "Other");
        String otherAccount = f.directory.createAccount("other", f.clock.now()).sid();

        refused(() -> f.conversations().fetch(f.acc(), f.service.sid(), "CH00000000000000000000000000000000"), 20404, 404);
        refused(() -> f.conversations().fetch(f.acc(), other.sid(), c.sid()), 20404, 404);
        refused(() -> f.conversations().fetch(otherAccount, f.service.sid(), c.sid()), 20404, 404);
        refused(() -> f.conversations().fetch(f.acc(), f.service.sid(), "no-such-name"), 20404, 404);
        refused(() -> f.conversations().create(otherAccount, f.service.sid(), ConversationParams.NONE), 20404, 404);
        refused(() -> f.conversations().update(f.acc(), other.sid(), c.sid(), ConversationParams.NONE), 20404, 404);
        refused(() -> f.conversations().delete(f.acc(), other.sid(), c.sid()), 20404, 404);
        assertThat(f.conversations().find(f.acc(), f.service.sid(), c.sid())).contains(c);
    }

    @Test
    void listsFilterByStateAsItIsNow() {
        Conversation a = f.conversation();
        Conversation b = f.conversation(ConversationParams.builder().state(ConversationState.INACTIVE).build());
        Conversation c = f.close(f.conversation());
        Conversation timed = f.conversation(active().timersInactive("PT2M").build());
        f.manualClock().advance(Duration.ofMinutes(2));

        assertThat(f.conversations().list(f.acc(), f.service.sid(), Optional.empty())).extracting(Conversation::sid)
            .containsExactly(a.sid(), b.sid(), c.sid(), timed.sid());
        assertThat(f.conversations().list(f.acc(), f.service.sid(), Optional.of(ConversationState.ACTIVE)))
            .extracting(Conversation::sid).containsExactly(a.sid());
        assertThat(f.conversations().list(f.acc(), f.service.sid(), Optional.of(ConversationState.INACTIVE)))
            .extracting(Conversation::sid).containsExactly(b.sid(), timed.sid());
        assertThat(f.conversations().list(f.acc(), f.service.sid(), Optional.of(ConversationState.CLOSED)))
            .extracting(Conversation::sid).containsExactly(c.sid());
    }

    @Test
    void deletingAConversationDeletesItsParticipants() {
        Conversation c = f.conversation(ConversationParams.builder().uniqueName("gone").build());
        Participant p = f.customer(c, Fixture.CUSTOMER, Fixture.COMPANY);

        f.conversations().delete(f.acc(), f.service.sid(), "gone");

        assertThat(f.conversations().find(f.acc(), f.service.sid(), c.sid())).isEmpty();
        assertThat(f.store.participant(p.sid())).isEmpty();
    }

    @Test
    void statesReadAsTwilioWritesThem() {
        assertThat(ConversationState.of("inactive")).contains(ConversationState.INACTIVE);
        assertThat(ConversationState.of("initializing")).isEmpty();
        assertThat(ConversationState.CLOSED.value()).isEqualTo("closed");
    }
}
