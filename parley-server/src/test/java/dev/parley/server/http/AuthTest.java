package dev.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.AccountStatus;
import dev.parley.engine.account.Directory;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthTest {

    private static final String PHONES = "/parley/v1/Phones";

    private final TestParley parley = new TestParley();
    private final Directory directory = parley.parley.directory();

    @AfterEach
    void close() {
        parley.close();
    }

    private static void assertRefused(Http.Response response, int code, String message) {
        assertThat(response.status()).isEqualTo(401);
        JsonNode body = response.json();
        assertThat(body.properties()).extracting(e -> e.getKey()).containsExactly("code", "message", "more_info", "status");
        assertThat(body.get("code").asInt()).isEqualTo(code);
        assertThat(body.get("message").asText()).isEqualTo(message);
        assertThat(body.get("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/" + code);
        assertThat(body.get("status").asInt()).isEqualTo(401);
    }

    @Test
    void withoutCredentialsEveryParleyPathIs401With20003AndAChallenge() {
        Http anonymous = Http.anonymous(parley.url());

        for (String path : List.of(PHONES, PHONES + "/%2B15557770001/Heard", "/parley/v1/PhoneNumbers",
            "/parley/v1/Calls/CA00000000000000000000000000000000/Timeline", "/parley/v1/Nothing")) {
            Http.Response refused = anonymous.get(path);
            assertRefused(refused, 20003, "Authenticate");
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Parley\"");
        }
        assertRefused(anonymous.post(PHONES, "Address", "+15557770001"), 20003, "Authenticate");
        assertThat(parley.parley.network().phones()).isEmpty();
    }

    @Test
    void wrongOrMalformedCredentialsAre401With20003() {
        assertRefused(parley.http.as(TestParley.ACCOUNT_SID, "0000").get(PHONES), 20003, "Authenticate");
        assertRefused(parley.http.as("AC00000000000000000000000000000000", TestParley.AUTH_TOKEN).get(PHONES),
            20003, "Authenticate");
        assertRefused(parley.http.as(TestParley.AUTH_TOKEN, TestParley.ACCOUNT_SID).get(PHONES), 20003, "Authenticate");
        assertRefused(parley.http.as("", "").get(PHONES), 20003, "Authenticate");
    }

    @Test
    void aSubaccountAuthenticatesWithItsOwnCredentials() {
        Account sub = directory.createSubaccount(TestParley.ACCOUNT_SID, Optional.empty(), parley.clock.now());

        assertThat(parley.http.as(sub.sid(), sub.authToken()).get(PHONES).status()).isEqualTo(200);
        assertRefused(parley.http.as(sub.sid(), TestParley.AUTH_TOKEN).get(PHONES), 20003, "Authenticate");
    }

    @Test
    void anAccountThatIsNotActiveIsRefused() {
        Account suspended = directory.createSubaccount(TestParley.ACCOUNT_SID, Optional.empty(), parley.clock.now());
        Account closed = directory.createSubaccount(TestParley.ACCOUNT_SID, Optional.empty(), parley.clock.now());
        directory.updateStatus(TestParley.ACCOUNT_SID, suspended.sid(), AccountStatus.SUSPENDED, parley.clock.now());
        directory.updateStatus(TestParley.ACCOUNT_SID, closed.sid(), AccountStatus.CLOSED, parley.clock.now());
        Account other = directory.createAccount("other", parley.clock.now());
        Account ofSuspendedOwner = directory.createSubaccount(other.sid(), Optional.empty(), parley.clock.now());
        directory.put(new Account(other.sid(), other.authToken(), other.friendlyName(), other.sid(),
            AccountStatus.SUSPENDED, other.dateCreated(), parley.clock.now()));

        assertRefused(parley.http.as(suspended.sid(), suspended.authToken()).get(PHONES), 20005, "Account not active");
        assertRefused(parley.http.as(ofSuspendedOwner.sid(), ofSuspendedOwner.authToken()).get(PHONES), 20005,
            "Account not active");
        assertRefused(parley.http.as(closed.sid(), closed.authToken()).get(PHONES), 20003, "Authenticate");
    }

    @Test
    void unknownPathsAndMethodsGetTwiliosBodyOnceAuthenticated() {
        Http.Response missing = parley.http.get("/parley/v1/Nothing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asInt()).isEqualTo(20404);
        assertThat(missing.json().get("message").asText()).isEqualTo("The requested resource /parley/v1/Nothing was not found");

        Http.Response wrongMethod = parley.http.delete("/parley/v1/Phones");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("code").asInt()).isEqualTo(20004);

        Http.Response outside = Http.anonymous(parley.url()).get("/nothing");
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.json().get("code").asInt()).isEqualTo(20404);
    }
}
