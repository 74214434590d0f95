package dev.parley.engine.conversation;

import static dev.parley.engine.conversation.Fixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.Sids;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConversationServicesTest {

    private final Fixture f = Fixture.manual();
    private final ConversationServices services = f.frontline.services();

    @Test
    void aServiceHasTwiliosFieldsAndRoutesNothingAtFirst() {
        ConversationService s = f.service;

        assertThat(Sids.isSid(s.sid(), "IS")).isTrue();
        assertThat(s.accountSid()).isEqualTo(f.acc());
        assertThat(s.friendlyName()).isEqualTo("Frontline Service");
        assertThat(s.dateCreated()).isEqualTo(ManualClock.START).isEqualTo(s.dateUpdated());
        assertThat(s.routing()).isEqualTo(Routing.none());
        assertThat(services.list(f.acc())).containsExactly(s);
        assertThat(f.frontline.service(f.acc(), s.sid())).contains(s);
    }

    @Test
    void routingIsSetPerService() {
        f.manualClock().advance(Duration.ofMinutes(1));
        ConversationService custom = services.route(f.acc(), f.service.sid(), Routing.custom("https://app.example.com/routing"));

        assertThat(custom.routing()).isEqualTo(new Routing.Custom("https://app.example.com/routing"));
        assertThat(custom.dateUpdated()).isEqualTo(f.clock.now());
        assertThat(services.fetch(f.acc(), f.service.sid()).routing()).isEqualTo(custom.routing());
        assertThat(services.create(f.acc(), "Second").routing()).isEqualTo(Routing.none());
    }

    @Test
    void theDefaultServiceIsMadeOnceOrChosen() {
        ConversationService made = services.defaultService(f.acc());
        assertThat(made.friendlyName()).isEqualTo(ConversationServices.DEFAULT_FRIENDLY_NAME);
        assertThat(services.defaultService(f.acc())).isEqualTo(made);

        services.makeDefault(f.acc(), f.service.sid());
        assertThat(services.defaultService(f.acc())).isEqualTo(f.service);
    }

    @Test
    void deletingAServiceDeletesItsConversationsAndItsDefaultRole() {
        services.makeDefault(f.acc(), f.service.sid());
        Conversation c = f.conversation();
        Participant p = f.customer(c, Fixture.CUSTOMER, Fixture.COMPANY);

        services.delete(f.acc(), f.service.sid());

        assertThat(services.find(f.acc(), f.service.sid())).isEmpty();
        assertThat(f.store.conversation(c.sid())).isEmpty();
        assertThat(f.store.participant(p.sid())).isEmpty();
        assertThat(f.store.defaultServiceSid(f.acc())).isEmpty();
        assertThat(services.defaultService(f.acc()).sid()).isNotEqualTo(f.service.sid());
    }

    @Test
    void anotherAccountsServiceIsUnknown() {
        String other = f.directory.createAccount("other", f.clock.now()).sid();

        refused(() -> services.fetch(other, f.service.sid()), 20404, 404);
        refused(() -> services.route(other, f.service.sid(), Routing.pool()), 20404, 404);
        refused(() -> services.makeDefault(other, f.service.sid()), 20404, 404);
        refused(() -> services.delete(other, f.service.sid()), 20404, 404);
        assertThat(services.list(other)).isEmpty();
    }
}
