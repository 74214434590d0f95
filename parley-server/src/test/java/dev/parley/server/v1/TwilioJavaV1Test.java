package dev.parley.server.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.base.Resource;
import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.conversations.v1.Configuration;
import com.twilio.rest.conversations.v1.Service;
import com.twilio.rest.conversations.v1.service.Conversation;
import com.twilio.rest.conversations.v1.service.ParticipantConversation;
import com.twilio.rest.conversations.v1.service.conversation.Participant;
import com.twilio.rest.frontlineapi.v1.User;
import com.twilio.rest.monitor.v1.Alert;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.TwilioJava;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * twilio-java, unchanged but for where its connections go ({@link TwilioJava}), on every
 * v1 resource Parley serves: Conversations ({@code com.twilio.rest.conversations.v1}), Frontline
 * ({@code com.twilio.rest.frontlineapi.v1}) and Monitor ({@code com.twilio.rest.monitor.v1}). The client addresses
 * each product's host and Parley dispatches by the {@code Host} header; every typed field the client parses (dates,
 * enums, maps, URIs) comes back right, and readers follow {@code next_page_url} across pages.
 */
class TwilioJavaV1Test {

    private static final String CUSTOMER = "+15557770001";
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final TestParley parley = new TestParley();
    private final TwilioRestClient client = TwilioJava.client(parley.url(), TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);
    private final Http http = V1Contract.checked(parley.http);

    @AfterEach
    void close() {
        parley.close();
    }

    private static <T extends Resource> List<T> all(ResourceSet<T> set) {
        return StreamSupport.stream(set.spliterator(), false).toList();
    }

    private static void assertNotFound(Runnable request) {
        assertThatThrownBy(request::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getCode()).isEqualTo(20404);
            assertThat(e.getStatusCode()).isEqualTo(404);
            assertThat(e.getMoreInfo()).isEqualTo("https://www.twilio.com/docs/errors/20404");
        });
    }

    @Test
    void servicesCreateFetchReadPageByPageAndDeleteAndTheConfigurationNamesTheDefault() {
        Service created = Service.creator("Frontline").create(client);
        assertThat(created.getSid()).matches("IS[0-9a-f]{32}");
        assertThat(created.getAccountSid()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(created.getFriendlyName()).isEqualTo("Frontline");
        assertThat(created.getDateCreated()).isEqualTo(START);
        assertThat(created.getDateUpdated()).isEqualTo(START);
        assertThat(created.getUrl()).isEqualTo(URI.create("http://conversations.twilio.com/v1/Services/" + created.getSid()));
        assertThat(created.getLinks()).containsEntry("conversations",
            "http://conversations.twilio.com/v1/Services/" + created.getSid() + "/Conversations");
        for (int i = 2; i <= 5; i++) Service.creator("Service " + i).create(client);

        assertThat(Service.fetcher(created.getSid()).fetch(client).getFriendlyName()).isEqualTo("Frontline");
        assertThat(Service.reader().setPageSize(2L).firstPage(client).getRecords()).hasSize(2);
        assertThat(all(Service.reader().setPageSize(2L).read(client))).extracting(Service::getFriendlyName)
            .containsExactly("Frontline", "Service 2", "Service 3", "Service 4", "Service 5");

        Configuration configuration = Configuration.updater().setDefaultChatServiceSid(created.getSid()).update(client);
        assertThat(configuration.getDefaultChatServiceSid()).isEqualTo(created.getSid());
        assertThat(configuration.getAccountSid()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(configuration.getDefaultMessagingServiceSid()).isNull();
        assertThat(configuration.getUrl()).isEqualTo(URI.create("http://conversations.twilio.com/v1/Configuration"));
        assertThat(Configuration.fetcher().fetch(client).getDefaultChatServiceSid()).isEqualTo(created.getSid());

        String last = Service.creator("Gone soon").create(client).getSid();
        assertThat(Service.deleter(last).delete(client)).isTrue();
        assertNotFound(() -> Service.fetcher(last).fetch(client));
    }

    @Test
    void scopedConversationsAndTheirParticipantsCustomerAndWorker() {
        String service = Service.creator("Frontline").create(client).getSid();

        Conversation created = Conversation.creator(service).setFriendlyName("Jane Doe").setUniqueName("jane")
            .setAttributes("{\"crm\":42}").setState(Conversation.State.ACTIVE).setTimersInactive("PT5M")
            .setTimersClosed("PT1H").create(client);
        assertThat(created.getSid()).matches("CH[0-9a-f]{32}");
        assertThat(created.getChatServiceSid()).isEqualTo(service);
        assertThat(created.getState()).isEqualTo(Conversation.State.ACTIVE);
        assertThat(created.getAttributes()).isEqualTo("{\"crm\":42}");
        assertThat(created.getDateCreated()).isEqualTo(START);
        assertThat(created.getTimers()).isEqualTo(Map.of("date_inactive", "2026-01-01T00:05:00Z",
            "date_closed", "2026-01-01T01:00:00Z"));
        assertThat(created.getBindings()).isEqualTo(Map.of());
        assertThat(created.getLinks()).containsOnlyKeys("participants", "messages", "webhooks", "export");
        String sid = created.getSid();

        assertThat(Conversation.fetcher(service, "jane").fetch(client).getSid()).isEqualTo(sid);
        Conversation updated = Conversation.updater(service, sid).setState(Conversation.State.INACTIVE)
            .setFriendlyName("Jane D.").update(client);
        assertThat(updated.getState()).isEqualTo(Conversation.State.INACTIVE);
        assertThat(updated.getFriendlyName()).isEqualTo("Jane D.");
        for (int i = 2; i <= 5; i++) Conversation.creator(service).setFriendlyName("Case " + i).create(client);
        assertThat(all(Conversation.reader(service).setPageSize(2L).read(client))).hasSize(5);
        assertThat(all(Conversation.reader(service).setState(Conversation.State.INACTIVE).setPageSize(1L).read(client)))
            .extracting(Conversation::getSid).containsExactly(sid);

        Participant customer = Participant.creator(service, sid).setMessagingBindingAddress(CUSTOMER)
            .setMessagingBindingProxyAddress(TestParley.NUMBER).create(client);
        assertThat(customer.getSid()).matches("MB[0-9a-f]{32}");
        assertThat(customer.getConversationSid()).isEqualTo(sid);
        assertThat(customer.getChatServiceSid()).isEqualTo(service);
        assertThat(customer.getIdentity()).isNull();
        assertThat(customer.getMessagingBinding()).isEqualTo(Map.of("type", "sms", "address", CUSTOMER,
            "proxy_address", TestParley.NUMBER));
        assertThat(customer.getDateCreated()).isEqualTo(START);
        Participant worker = Participant.creator(service, sid).setIdentity("alice@example.com").create(client);
        assertThat(worker.getIdentity()).isEqualTo("alice@example.com");
        assertThat(worker.getMessagingBinding()).isNull();

        assertThat(all(Participant.reader(service, sid).setPageSize(1L).read(client))).extracting(Participant::getSid)
            .containsExactly(customer.getSid(), worker.getSid());
        assertThat(Participant.fetcher(service, sid, "alice@example.com").fetch(client).getSid())
            .isEqualTo(worker.getSid());
        assertThat(Participant.updater(service, sid, customer.getSid()).setAttributes("{\"vip\":true}").update(client)
            .getAttributes()).isEqualTo("{\"vip\":true}");

        List<ParticipantConversation> found = all(ParticipantConversation.reader(service).setAddress(CUSTOMER).read(client));
        assertThat(found).hasSize(1);
        ParticipantConversation pc = found.getFirst();
        assertThat(pc.getConversationSid()).isEqualTo(sid);
        assertThat(pc.getParticipantSid()).isEqualTo(customer.getSid());
        assertThat(pc.getConversationState()).isEqualTo(ParticipantConversation.State.INACTIVE);
        assertThat(pc.getConversationUniqueName()).isEqualTo("jane");
        assertThat(pc.getConversationDateCreated()).isEqualTo(START);
        assertThat(pc.getParticipantMessagingBinding()).isInstanceOfSatisfying(Map.class,
            binding -> assertThat(binding).containsEntry("address", CUSTOMER).containsEntry("proxy_address", TestParley.NUMBER));
        assertThat(pc.getLinks()).containsOnlyKeys("participant", "conversation");

        assertThat(Participant.deleter(service, sid, customer.getSid()).delete(client)).isTrue();
        assertNotFound(() -> Participant.fetcher(service, sid, customer.getSid()).fetch(client));
        assertThat(Conversation.deleter(service, sid).delete(client)).isTrue();
        assertNotFound(() -> Conversation.fetcher(service, sid).fetch(client));
    }

    @Test
    void defaultServiceConversationsParticipantsAndParticipantConversationsPageByPage() {
        var first = com.twilio.rest.conversations.v1.Conversation.creator().setFriendlyName("First")
            .setDateCreated(START.minusDays(1)).create(client);
        assertThat(first.getDateCreated()).as("twilio-java writes it without an offset").isEqualTo(START.minusDays(1));
        assertThat(first.getState()).isEqualTo(com.twilio.rest.conversations.v1.Conversation.State.ACTIVE);
        assertThat(first.getChatServiceSid()).isEqualTo(Configuration.fetcher().fetch(client).getDefaultChatServiceSid());
        var second = com.twilio.rest.conversations.v1.Conversation.creator().setFriendlyName("Second").create(client);
        for (var conversation : List.of(first, second)) {
            com.twilio.rest.conversations.v1.conversation.Participant.creator(conversation.getSid())
                .setIdentity("alice@example.com").create(client);
        }
        var customer = com.twilio.rest.conversations.v1.conversation.Participant.creator(first.getSid())
            .setMessagingBindingAddress(CUSTOMER).setMessagingBindingProxyAddress(TestParley.NUMBER).create(client);
        assertThat(customer.getConversationSid()).isEqualTo(first.getSid());
        assertThat(customer.getMessagingBinding()).isEqualTo(Map.of("type", "sms", "address", CUSTOMER,
            "proxy_address", TestParley.NUMBER));

        assertThat(all(com.twilio.rest.conversations.v1.Conversation.reader().setPageSize(1L).read(client)))
            .extracting(com.twilio.rest.conversations.v1.Conversation::getSid).containsExactly(first.getSid(), second.getSid());
        assertThat(all(com.twilio.rest.conversations.v1.ParticipantConversation.reader().setIdentity("alice@example.com")
            .setPageSize(1L).read(client)))
            .extracting(com.twilio.rest.conversations.v1.ParticipantConversation::getConversationSid)
            .containsExactlyInAnyOrder(first.getSid(), second.getSid());
        assertThat(all(com.twilio.rest.conversations.v1.ParticipantConversation.reader().setAddress(CUSTOMER).read(client)))
            .extracting(com.twilio.rest.conversations.v1.ParticipantConversation::getParticipantSid)
            .containsExactly(customer.getSid());

        assertThat(com.twilio.rest.conversations.v1.Conversation.deleter(second.getSid()).delete(client)).isTrue();
        assertNotFound(() -> com.twilio.rest.conversations.v1.Conversation.fetcher(second.getSid()).fetch(client));
    }

    @Test
    void frontlineUsersFetchAndUpdateBySidAndIdentity() {
        String sid = http.post("/parley/v1/Frontline/Users", "Identity", "alice@example.com").json().get("sid").asText();

        User bySid = User.fetcher(sid).fetch(client);
        assertThat(bySid.getIdentity()).isEqualTo("alice@example.com");
        assertThat(bySid.getState()).isEqualTo(User.StateType.ACTIVE);
        assertThat(bySid.getIsAvailable()).isFalse();
        assertThat(bySid.getUrl()).isEqualTo(URI.create("http://frontline-api.twilio.com/v1/Users/" + sid));
        assertThat(User.fetcher("alice@example.com").fetch(client).getSid()).isEqualTo(sid);

        User updated = User.updater("alice@example.com").setFriendlyName("Alice").setAvatar("https://example.com/a.png")
            .setIsAvailable(true).update(client);
        assertThat(updated.getFriendlyName()).isEqualTo("Alice");
        assertThat(updated.getAvatar()).isEqualTo("https://example.com/a.png");
        assertThat(updated.getIsAvailable()).isTrue();
        assertThat(User.updater(sid).setState(User.StateType.DEACTIVATED).update(client).getState())
            .isEqualTo(User.StateType.DEACTIVATED);
        assertNotFound(() -> User.fetcher("nobody").fetch(client));
    }

    @Test
    void monitorAlertsOfRealCallsListedPageByPageFilteredAndFetched() {
        AlertingCalls.place(parley, http, 3);

        List<Alert> alerts = all(Alert.reader().setPageSize(2L).read(client));

        assertThat(alerts).hasSize(3);
        Alert newest = alerts.getFirst();
        assertThat(newest.getSid()).matches("NO[0-9a-f]{32}");
        assertThat(newest.getErrorCode()).isEqualTo("11217");
        assertThat(newest.getLogLevel()).isEqualTo("error");
        assertThat(newest.getRequestMethod()).isEqualTo(HttpMethod.POST);
        assertThat(newest.getRequestUrl()).isEqualTo(parley.app.url("/voice"));
        assertThat(newest.getResourceSid()).matches("CA[0-9a-f]{32}");
        assertThat(newest.getApiVersion()).isEqualTo("2010-04-01");
        assertThat(newest.getDateGenerated()).isEqualTo(newest.getDateCreated()).isAfter(alerts.get(1).getDateCreated());
        assertThat(newest.getDateCreated()).isBetween(START.plusMinutes(3), START.plusMinutes(4));
        assertThat(all(Alert.reader().setLogLevel("warning").read(client))).isEmpty();
        assertThat(all(Alert.reader().setStartDate(START.plusMinutes(3)).read(client))).extracting(Alert::getSid)
            .containsExactly(newest.getSid());

        Alert fetched = Alert.fetcher(newest.getSid()).fetch(client);
        assertThat(fetched.getAlertText()).isEqualTo(newest.getAlertText());
        assertThat(fetched.getUrl()).isEqualTo(URI.create("http://monitor.twilio.com/v1/Alerts/" + newest.getSid()));
        assertThat(fetched.getRequestVariables()).isNull();
        assertNotFound(() -> Alert.fetcher("NO00000000000000000000000000000000").fetch(client));
    }
}
