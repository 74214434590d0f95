package dev.parley.server.api2010;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.base.Resource;
import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.Recording;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.TimeHold;
import dev.parley.server.testing.TwilioJava;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** twilio-java, unchanged but for where its connections go, on every 2010-04-01 resource Parley serves. */
class TwilioJavaTest {

    private static final PhoneNumber CUSTOMER = new PhoneNumber("+15557770001");
    private static final PhoneNumber NUMBER = new PhoneNumber(TestParley.NUMBER);

    private final TestParley parley = new TestParley();
    private final TwilioRestClient client = TwilioJava.client(parley.url(), TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);

    TwilioJavaTest() {
        parley.parley.network().phone(CUSTOMER.toString());
    }

    @AfterEach
    void close() {
        parley.close();
    }

    private static <T extends Resource> List<T> all(ResourceSet<T> set) {
        return StreamSupport.stream(set.spliterator(), false).toList();
    }

    @Test
    void accountsFetchCreateReadAndUpdate() {
        Account main = Account.fetcher().fetch(client);
        assertThat(main.getSid()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(main.getStatus()).isEqualTo(Account.Status.ACTIVE);
        assertThat(main.getType()).isEqualTo(Account.Type.FULL);
        assertThat(main.getDateCreated()).isEqualTo(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));

        Account sub = Account.creator().setFriendlyName("Branch").create(client);
        assertThat(sub.getOwnerAccountSid()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(all(Account.reader().read(client))).extracting(Account::getSid)
            .containsExactlyInAnyOrder(main.getSid(), sub.getSid());
        assertThat(all(Account.reader().setFriendlyName("Branch").read(client))).extracting(Account::getSid)
            .containsExactly(sub.getSid());

        Account suspended = Account.updater(sub.getSid()).setStatus(Account.Status.SUSPENDED).setFriendlyName("Paused")
            .update(client);
        assertThat(suspended.getStatus()).isEqualTo(Account.Status.SUSPENDED);
        assertThat(suspended.getFriendlyName()).isEqualTo("Paused");
    }

    @Test
    void incomingPhoneNumbersCreateFetchReadUpdateAndDelete() {
        IncomingPhoneNumber created = IncomingPhoneNumber.creator(new PhoneNumber("+14155550100"))
            .setVoiceUrl(URI.create(parley.app.url("/sales"))).setVoiceMethod(HttpMethod.GET)
            .setFriendlyName("Sales").create(client);
        assertThat(created.getSid()).startsWith("PN");
        assertThat(created.getVoiceMethod()).isEqualTo(HttpMethod.GET);
        assertThat(created.getCapabilities().getVoice()).isTrue();

        assertThat(IncomingPhoneNumber.fetcher(created.getSid()).fetch(client).getFriendlyName()).isEqualTo("Sales");
        assertThat(all(IncomingPhoneNumber.reader().setPhoneNumber("+1415").read(client)))
            .extracting(n -> n.getPhoneNumber().toString()).containsExactly("+14155550100");
        IncomingPhoneNumber updated = IncomingPhoneNumber.updater(created.getSid())
            .setVoiceFallbackUrl(URI.create(parley.app.url("/fallback"))).update(client);
        assertThat(updated.getVoiceFallbackUrl()).isEqualTo(URI.create(parley.app.url("/fallback")));

        assertThat(IncomingPhoneNumber.deleter(created.getSid()).delete(client)).isTrue();
        assertThatThrownBy(() -> IncomingPhoneNumber.fetcher(created.getSid()).fetch(client))
            .isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.getCode()).isEqualTo(20404);
                assertThat(e.getStatusCode()).isEqualTo(404);
            });
    }

    @Test
    void callsCreateFetchReadAcrossPagesAndDelete() {
        parley.app.twiml("/hello", "<Response><Say>Hello</Say></Response>");
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Call call = Call.creator(CUSTOMER, NUMBER, URI.create(parley.app.url("/hello")))
                .setStatusCallback(URI.create(parley.app.url("/status"))).setTimeout(20).create(client);
            assertThat(call.getStatus()).isEqualTo(Call.Status.QUEUED);
            sids.add(call.getSid());
            parley.awaitEnded(call.getSid());
        }

        Call fetched = Call.fetcher(sids.getFirst()).fetch(client);
        assertThat(fetched.getStatus()).isEqualTo(Call.Status.COMPLETED);
        assertThat(fetched.getDirection()).isEqualTo("outbound-api");
        assertThat(fetched.getTo()).isEqualTo(CUSTOMER.toString());
        assertThat(fetched.getStartTime()).isNotNull();
        assertThat(all(Call.reader().setStatus(Call.Status.COMPLETED).setPageSize(2L).read(client)))
            .extracting(Call::getSid).containsExactlyElementsOf(sids.reversed());
        assertThat(all(Call.reader().setTo(CUSTOMER).setStartTimeAfter(
            ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)).read(client))).hasSize(3);
        assertThat(all(Call.reader().setStatus(Call.Status.BUSY).read(client))).isEmpty();
        parley.await(() -> parley.app.requests("/status").size() == 3);

        assertThat(Call.deleter(sids.getFirst()).delete(client)).isTrue();
        assertThat(all(Call.reader().read(client))).hasSize(2);
    }

    @Test
    void aLiveCallIsRedirectedWithTwimlAndHungUp() {
        parley.app.twiml("/hold", "<Response><Say>Please hold</Say><Pause length=\"60\"/></Response>");
        Call call;
        try (TimeHold hold = TimeHold.freeze(parley.clock)) {
            call = Call.creator(CUSTOMER, NUMBER, URI.create(parley.app.url("/hold"))).create(client);
            hold.until(Duration.ofSeconds(5));
            assertThat(Call.fetcher(call.getSid()).fetch(client).getStatus()).isEqualTo(Call.Status.IN_PROGRESS);
            Call.updater(call.getSid()).setTwiml(new Twiml("<Response><Say>Goodbye</Say><Pause length=\"60\"/></Response>"))
                .update(client);
            hold.until(Duration.ofSeconds(10));
            Call.updater(call.getSid()).setStatus(Call.UpdateStatus.COMPLETED).update(client);
        }
        parley.awaitEnded(call.getSid());

        assertThat(Call.fetcher(call.getSid()).fetch(client).getStatus()).isEqualTo(Call.Status.COMPLETED);
        assertThat(parley.parley.network().phone(CUSTOMER.toString()).saidTexts()).containsExactly("Please hold", "Goodbye");
        assertThatThrownBy(() -> Call.updater(call.getSid()).setUrl(parley.app.url("/hold")).update(client))
            .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(21220));
    }

    @Test
    void recordingsReadFetchAndDeleteForTheAccountAndTheCall() {
        parley.parley.network().phone(CUSTOMER.toString()).talk(Duration.ofSeconds(2), Duration.ofSeconds(2));
        parley.app.twiml("/record", "<Response><Say>Speak</Say><Record timeout=\"2\" action=\"/done\"/></Response>");
        parley.app.twiml("/done", "<Response><Hangup/></Response>");
        Call call = Call.creator(CUSTOMER, NUMBER, URI.create(parley.app.url("/record"))).create(client);
        parley.awaitEnded(call.getSid());

        List<Recording> recordings = all(Recording.reader().setCallSid(call.getSid()).read(client));
        assertThat(recordings).singleElement().satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(Recording.Status.COMPLETED);
            assertThat(r.getSource()).isEqualTo(Recording.Source.RECORD_VERB);
            assertThat(r.getCallSid()).isEqualTo(call.getSid());
            assertThat(r.getMediaUrl().toString()).startsWith(parley.parley.config().baseUrl() + "/2010-04-01/");
        });
        String sid = recordings.getFirst().getSid();
        assertThat(Recording.fetcher(sid).fetch(client).getDuration()).isEqualTo(recordings.getFirst().getDuration());
        assertThat(all(com.twilio.rest.api.v2010.account.call.Recording.reader(call.getSid()).read(client)))
            .extracting(com.twilio.rest.api.v2010.account.call.Recording::getSid).containsExactly(sid);

        assertThat(Recording.deleter(sid).delete(client)).isTrue();
        assertThat(all(Recording.reader().read(client))).isEmpty();
    }

    @Test
    void refusalsArriveAsApiExceptionsWithTwiliosCodes() {
        assertThatThrownBy(() -> Call.creator(CUSTOMER, new PhoneNumber("+15559990000"),
            URI.create(parley.app.url("/x"))).create(client))
            .isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.getCode()).isEqualTo(21210);
                assertThat(e.getStatusCode()).isEqualTo(400);
                assertThat(e.getMoreInfo()).isEqualTo("https://www.twilio.com/docs/errors/21210");
            });
        TwilioRestClient wrong = TwilioJava.client(parley.url(), TestParley.ACCOUNT_SID, "wrong");
        assertThatThrownBy(() -> Account.fetcher().fetch(wrong))
            .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(20003));
    }
}
