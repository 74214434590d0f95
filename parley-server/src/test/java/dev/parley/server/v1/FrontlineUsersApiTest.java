package dev.parley.server.v1;

import static dev.parley.server.v1.ServicesApiTest.fieldNames;
import static dev.parley.server.v1.ServicesApiTest.sidsOf;
import static dev.parley.server.v1.TwilioErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.account.Account;
import dev.parley.engine.conversation.Worker;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrontlineUsersApiTest {

    private static final String PARLEY_USERS = "/parley/v1/Frontline/Users";

    private final TestParley parley = new TestParley();
    private final Http http = V1Contract.checked(parley.http);
    private final Http frontline = V1Contract.client(parley.url() + "/frontline", TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);

    @AfterEach
    void close() {
        parley.close();
    }

    @Test
    void anOperatorCreatesAUserWithTwilioDefaults() {
        Http.Response created = http.post(PARLEY_USERS, "Identity", "alice@example.com");

        assertThat(created.status()).isEqualTo(201);
        JsonNode u = created.json();
        String sid = u.get("sid").asText();
        assertThat(sid).matches("US[0-9a-f]{32}");
        assertThat(fieldNames(u)).containsExactly("sid", "account_sid", "identity", "friendly_name", "avatar", "state",
            "is_available", "phone_number", "date_created", "date_updated", "url", "links");
        assertThat(u.get("account_sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(u.get("identity").asText()).isEqualTo("alice@example.com");
        assertThat(u.get("friendly_name").isNull()).isTrue();
        assertThat(u.get("avatar").isNull()).isTrue();
        assertThat(u.get("state").asText()).isEqualTo("active");
        assertThat(u.get("is_available").asBoolean()).isFalse();
        assertThat(u.get("phone_number").isNull()).isTrue();
        assertThat(u.get("url").asText()).isEqualTo(parley.url() + PARLEY_USERS + "/" + sid);
        assertThat(u.get("links").get("frontline").asText()).isEqualTo(parley.url() + "/frontline/v1/Users/" + sid);
        assertThat(parley.parley.frontline().workers().find(TestParley.ACCOUNT_SID, "alice@example.com")).isPresent();
    }

    @Test
    void anOperatorSetsEveryFieldIncludingAPhoneNumberOfTheWorkersOwn() {
        JsonNode u = http.post(PARLEY_USERS, "Identity", "bob", "FriendlyName", "Bob", "Avatar",
            "https://example.com/bob.png", "State", "deactivated", "IsAvailable", "true", "PhoneNumber", "+15550009999")
            .json();

        assertThat(u.get("friendly_name").asText()).isEqualTo("Bob");
        assertThat(u.get("avatar").asText()).isEqualTo("https://example.com/bob.png");
        assertThat(u.get("state").asText()).isEqualTo("deactivated");
        assertThat(u.get("is_available").asBoolean()).isTrue();
        assertThat(u.get("phone_number").asText()).isEqualTo("+15550009999");
        Worker worker = parley.parley.frontline().workers().fetch(TestParley.ACCOUNT_SID, "bob");
        assertThat(worker.address()).isEqualTo("+15550009999");
        assertError(http.post(PARLEY_USERS, "Identity", "carol", "PhoneNumber", "5550009999"), 400, 20001,
            "Invalid PhoneNumber: '5550009999' (E.164, e.g. +15550001234)");
    }

    @Test
    void createRefusesWithTheDomainsCodes() {
        http.post(PARLEY_USERS, "Identity", "alice");

        assertError(http.post(PARLEY_USERS, "Identity", "alice"), 409, 50201, "User already exists");
        assertError(http.post(PARLEY_USERS), 400, 50204, "Identity not provided");
        assertError(http.post(PARLEY_USERS, "Identity", "US0123456789abcdef0123456789abcdef"), 400, 50206,
            "Identity should not match user SID pattern");
        assertError(http.post(PARLEY_USERS, "Identity", "dave", "State", "away"), 400, 20001,
            "Invalid State: 'away' (active or deactivated)");
        assertError(http.post(PARLEY_USERS, "Identity", "dave", "IsAvailable", "yes"), 400, 20001,
            "Invalid IsAvailable: expected true or false, got 'yes'");
    }

    @Test
    void theFrontlineApiFetchesAUserBySidOrIdentityWithTwilioJson() {
        String sid = http.post(PARLEY_USERS, "Identity", "alice@example.com", "FriendlyName", "Alice").json()
            .get("sid").asText();

        Http.Response bySid = frontline.get("/v1/Users/" + sid);

        assertThat(bySid.status()).isEqualTo(200);
        JsonNode u = bySid.json();
        assertThat(fieldNames(u)).containsExactly("sid", "identity", "friendly_name", "avatar", "state", "is_available",
            "url");
        assertThat(u.get("sid").asText()).isEqualTo(sid);
        assertThat(u.get("identity").asText()).isEqualTo("alice@example.com");
        assertThat(u.get("friendly_name").asText()).isEqualTo("Alice");
        assertThat(u.get("avatar").isNull()).isTrue();
        assertThat(u.get("state").asText()).isEqualTo("active");
        assertThat(u.get("is_available").asBoolean()).isFalse();
        assertThat(u.get("url").asText()).isEqualTo(parley.url() + "/frontline/v1/Users/" + sid);
        assertThat(frontline.get("/v1/Users/alice@example.com").json()).isEqualTo(u);
        assertError(frontline.get("/v1/Users/nobody"), 404, 20404,
            "The requested resource /frontline/v1/Users/nobody was not found");
    }

    @Test
    void theFrontlineApiUpdatesTwilioFields() {
        String sid = http.post(PARLEY_USERS, "Identity", "alice", "FriendlyName", "Alice", "Avatar", "https://a/1.png")
            .json().get("sid").asText();

        Http.Response updated = frontline.post("/v1/Users/alice", "FriendlyName", "Alice A.", "IsAvailable", "true",
            "State", "deactivated", "Avatar", "");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("sid").asText()).isEqualTo(sid);
        assertThat(updated.json().get("friendly_name").asText()).isEqualTo("Alice A.");
        assertThat(updated.json().get("is_available").asBoolean()).isTrue();
        assertThat(updated.json().get("state").asText()).isEqualTo("deactivated");
        assertThat(updated.json().get("avatar").isNull()).isTrue();
        assertThat(frontline.post("/v1/Users/" + sid, "State", "active").json().get("state").asText()).isEqualTo("active");
        assertError(frontline.post("/v1/Users/alice", "PhoneNumber", "+15550009999"), 400, 20001,
            "PhoneNumber is Parley's: set it at /parley/v1/Frontline/Users");
        assertError(frontline.post("/v1/Users/alice", "IsAvailable", "maybe"), 400, 20001,
            "Invalid IsAvailable: expected true or false, got 'maybe'");
    }

    @Test
    void operatorsListUpdateAndDeleteUsers() {
        String alice = http.post(PARLEY_USERS, "Identity", "alice").json().get("sid").asText();
        String bob = http.post(PARLEY_USERS, "Identity", "bob").json().get("sid").asText();

        assertThat(sidsOf(http.get(PARLEY_USERS).json().get("users"))).containsExactly(alice, bob);
        assertThat(http.post(PARLEY_USERS + "/bob", "PhoneNumber", "+15550009999").json().get("phone_number").asText())
            .isEqualTo("+15550009999");
        assertThat(http.post(PARLEY_USERS + "/bob", "PhoneNumber", "").json().get("phone_number").isNull()).isTrue();
        assertThat(http.get(PARLEY_USERS + "/" + alice).json().get("identity").asText()).isEqualTo("alice");
        assertThat(http.delete(PARLEY_USERS + "/" + alice).status()).isEqualTo(204);
        assertThat(sidsOf(http.get(PARLEY_USERS).json().get("users"))).containsExactly(bob);
        assertError(frontline.get("/v1/Users/" + alice), 404, 20404,
            "The requested resource /frontline/v1/Users/" + alice + " was not found");
    }

    @Test
    void usersBelongToTheirAccount() {
        Account sub = parley.parley.directory().createSubaccount(TestParley.ACCOUNT_SID, Optional.of("Sub"),
            parley.clock.now());
        Account other = parley.parley.directory().createAccount("Other", parley.clock.now());
        String subUser = http.post(PARLEY_USERS, "Identity", "alice", "AccountSid", sub.sid()).json().get("sid").asText();
        Http otherFrontline = V1Contract.client(parley.url() + "/frontline", other.sid(), other.authToken());

        assertThat(http.get(PARLEY_USERS + "?AccountSid=" + sub.sid()).json().get("users")).hasSize(1);
        assertThat(http.get(PARLEY_USERS).json().get("users")).isEmpty();
        assertThat(frontline.get("/v1/Users/" + subUser).json().get("identity").asText()).isEqualTo("alice");
        assertError(frontline.get("/v1/Users/alice"), 404, 20404,
            "The requested resource /frontline/v1/Users/alice was not found");
        Http subFrontline = V1Contract.client(parley.url() + "/frontline", sub.sid(), sub.authToken());
        assertThat(subFrontline.get("/v1/Users/alice").json().get("sid").asText()).isEqualTo(subUser);
        assertError(otherFrontline.get("/v1/Users/" + subUser), 404, 20404,
            "The requested resource /frontline/v1/Users/" + subUser + " was not found");
        assertError(http.as(other.sid(), other.authToken()).post(PARLEY_USERS, "Identity", "x", "AccountSid", sub.sid()),
            403, 20403, "The credentials of " + other.sid() + " may not act on " + sub.sid());
    }
}
