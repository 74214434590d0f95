package dev.parley.server.v1;

import static dev.parley.server.v1.TwilioErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.account.Account;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServicesApiTest {

    private final TestParley parley = new TestParley();
    private final Http http = V1Contract.checked(parley.http);

    @AfterEach
    void close() {
        parley.close();
    }

    @Test
    void createAnswers201WithTwilioServiceJson() {
        Http.Response created = http.post("/v1/Services", "FriendlyName", "Frontline Service");

        assertThat(created.status()).isEqualTo(201);
        JsonNode s = created.json();
        String sid = s.get("sid").asText();
        assertThat(sid).matches("IS[0-9a-f]{32}");
        String url = parley.url() + "/v1/Services/" + sid;
        assertThat(fieldNames(s)).containsExactly("account_sid", "sid", "friendly_name", "date_created", "date_updated",
            "url", "links");
        assertThat(s.get("account_sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(s.get("friendly_name").asText()).isEqualTo("Frontline Service");
        assertThat(s.get("date_created").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(s.get("date_updated").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(s.get("url").asText()).isEqualTo(url);
        assertThat(fieldNames(s.get("links"))).containsExactly("conversations", "users", "roles", "bindings",
            "configuration", "participant_conversations", "conversation_with_participants");
        assertThat(s.get("links").get("conversations").asText()).isEqualTo(url + "/Conversations");
        assertThat(s.get("links").get("participant_conversations").asText()).isEqualTo(url + "/ParticipantConversations");
        assertThat(s.get("links").get("conversation_with_participants").asText())
            .isEqualTo(url + "/ConversationWithParticipants");

        assertThat(http.get("/v1/Services/" + sid).json()).isEqualTo(s);
    }

    @Test
    void createWithoutFriendlyNameIs400With20001() {
        assertError(http.post("/v1/Services"), 400, 20001, "Missing required parameter FriendlyName in the post body");
    }

    @Test
    void listPagesWithTwilioMetaAndFollowsNextPageUrl() {
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 5; i++) sids.add(http.post("/v1/Services", "FriendlyName", "s" + i).json().get("sid").asText());

        Http.Response first = http.get("/v1/Services?PageSize=2");

        assertThat(first.status()).isEqualTo(200);
        assertThat(fieldNames(first.json())).containsExactly("services", "meta");
        assertThat(sidsOf(first.json().get("services"))).containsExactly(sids.get(0), sids.get(1));
        JsonNode meta = first.json().get("meta");
        String base = parley.url() + "/v1/Services?PageSize=2&Page=";
        assertThat(fieldNames(meta)).containsExactly("page", "page_size", "first_page_url", "previous_page_url", "url",
            "next_page_url", "key");
        assertThat(meta.get("page").asInt()).isZero();
        assertThat(meta.get("page_size").asInt()).isEqualTo(2);
        assertThat(meta.get("first_page_url").asText()).isEqualTo(base + "0");
        assertThat(meta.get("previous_page_url").isNull()).isTrue();
        assertThat(meta.get("url").asText()).isEqualTo(base + "0");
        assertThat(meta.get("next_page_url").asText()).isEqualTo(base + "1&PageToken=PA" + sids.get(1));
        assertThat(meta.get("key").asText()).isEqualTo("services");

        JsonNode second = follow(meta.get("next_page_url").asText());
        assertThat(sidsOf(second.get("services"))).containsExactly(sids.get(2), sids.get(3));
        assertThat(second.get("meta").get("previous_page_url").asText()).isEqualTo(base + "0");
        assertThat(second.get("meta").get("url").asText()).isEqualTo(base + "1&PageToken=PA" + sids.get(1));

        JsonNode third = follow(second.get("meta").get("next_page_url").asText());
        assertThat(sidsOf(third.get("services"))).containsExactly(sids.get(4));
        assertThat(third.get("meta").get("page").asInt()).isEqualTo(2);
        assertThat(third.get("meta").get("next_page_url").isNull()).isTrue();
    }

    @Test
    void aPageTokenContinuesAfterItsItemEvenWhenEarlierItemsWentAway() {
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 4; i++) sids.add(http.post("/v1/Services", "FriendlyName", "s" + i).json().get("sid").asText());
        String next = http.get("/v1/Services?PageSize=2").json().get("meta").get("next_page_url").asText();

        http.delete("/v1/Services/" + sids.get(0));

        assertThat(sidsOf(follow(next).get("services"))).containsExactly(sids.get(2), sids.get(3));
    }

    @Test
    void pageSizeAndPageAreChecked() {
        assertError(http.get("/v1/Services?PageSize=101"), 400, 20001, "Invalid PageSize: 101 (1 to 100)");
        assertError(http.get("/v1/Services?PageSize=0"), 400, 20001, "Invalid PageSize: 0 (1 to 100)");
        assertError(http.get("/v1/Services?PageSize=many"), 400, 20001, "Invalid PageSize: 'many' is not a number");
        assertError(http.get("/v1/Services?Page=-1"), 400, 20001, "Invalid Page: -1 (0 or more)");
        assertThat(http.get("/v1/Services?PageSize=100").json().get("meta").get("page_size").asInt()).isEqualTo(100);
    }

    @Test
    void deleteAnswers204AndTheServiceIsGone() {
        String sid = http.post("/v1/Services", "FriendlyName", "gone").json().get("sid").asText();

        Http.Response deleted = http.delete("/v1/Services/" + sid);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.json().isMissingNode()).isTrue();
        assertError(http.get("/v1/Services/" + sid), 404, 20404,
            "The requested resource /v1/Services/" + sid + " was not found");
        assertError(http.delete("/v1/Services/" + sid), 404, 20404,
            "The requested resource /v1/Services/" + sid + " was not found");
    }

    @Test
    void anotherAccountsServiceIs404AndItsListIsItsOwn() {
        String sid = http.post("/v1/Services", "FriendlyName", "mine").json().get("sid").asText();
        Account other = parley.parley.directory().createAccount("Other", parley.clock.now());
        Http otherHttp = http.as(other.sid(), other.authToken());

        assertError(otherHttp.get("/v1/Services/" + sid), 404, 20404,
            "The requested resource /v1/Services/" + sid + " was not found");
        assertError(otherHttp.delete("/v1/Services/" + sid), 404, 20404,
            "The requested resource /v1/Services/" + sid + " was not found");
        assertThat(otherHttp.get("/v1/Services").json().get("services")).isEmpty();
        assertThat(http.get("/v1/Services/" + sid).status()).isEqualTo(200);
    }

    @Test
    void aMainAccountReachesItsSubaccountsServiceBySidButNotTheOtherWayRound() {
        Account sub = parley.parley.directory().createSubaccount(TestParley.ACCOUNT_SID, Optional.of("Sub"),
            parley.clock.now());
        Http subHttp = http.as(sub.sid(), sub.authToken());
        String subService = subHttp.post("/v1/Services", "FriendlyName", "sub's").json().get("sid").asText();
        String mainService = http.post("/v1/Services", "FriendlyName", "main's").json().get("sid").asText();

        Http.Response fetched = http.get("/v1/Services/" + subService);

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("account_sid").asText()).isEqualTo(sub.sid());
        assertThat(sidsOf(http.get("/v1/Services").json().get("services"))).containsExactly(mainService);
        assertError(subHttp.get("/v1/Services/" + mainService), 404, 20404,
            "The requested resource /v1/Services/" + mainService + " was not found");
    }

    @Test
    void withoutCredentialsIs401With20003() {
        Http anonymous = http.anonymous();
        assertError(anonymous.get("/v1/Services"), 401, 20003, "Authenticate");
        assertError(anonymous.get("/conversations/v1/Services"), 401, 20003, "Authenticate");
        assertError(http.as(TestParley.ACCOUNT_SID, "wrong").post("/v1/Services", "FriendlyName", "x"), 401, 20003,
            "Authenticate");
    }

    private JsonNode follow(String absoluteUrl) {
        return http.get(absoluteUrl.substring(parley.url().length())).json();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> sidsOf(JsonNode items) {
        List<String> sids = new ArrayList<>();
        items.forEach(item -> sids.add(item.get("sid").asText()));
        return sids;
    }
}
