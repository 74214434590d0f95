package dev.parley.server.api2010;

import static dev.parley.server.api2010.Contract.error;
import static dev.parley.server.api2010.Contract.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.account.Account;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountsApiTest {

    private static final String ACCOUNTS = "/2010-04-01/Accounts.json";

    private final TestParley parley = new TestParley();
    private final Http http = parley.http;

    @AfterEach
    void close() {
        parley.close();
    }

    private static String accountPath(String sid) {
        return "/2010-04-01/Accounts/" + sid + ".json";
    }

    @Test
    void anAccountFetchesItself() {
        JsonNode account = ok(http.get(accountPath(TestParley.ACCOUNT_SID)), 200);

        assertThat(account.get("sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(account.get("owner_account_sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(account.get("auth_token").asText()).isEqualTo(TestParley.AUTH_TOKEN);
        assertThat(account.get("friendly_name").asText()).isEqualTo("Parley");
        assertThat(account.get("status").asText()).isEqualTo("active");
        assertThat(account.get("type").asText()).isEqualTo("Full");
        assertThat(account.get("uri").asText()).isEqualTo(accountPath(TestParley.ACCOUNT_SID));
        assertThat(account.get("subresource_uris").get("calls").asText())
            .isEqualTo("/2010-04-01/Accounts/" + TestParley.ACCOUNT_SID + "/Calls.json");
    }

    @Test
    void aMainAccountCreatesListsRenamesAndClosesSubaccounts() {
        JsonNode created = ok(http.post(ACCOUNTS, "FriendlyName", "Branch office"), 201);
        String sid = created.get("sid").asText();
        assertThat(created.get("owner_account_sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(created.get("friendly_name").asText()).isEqualTo("Branch office");
        assertThat(created.get("auth_token").asText()).hasSize(32);
        JsonNode unnamed = ok(http.post(ACCOUNTS), 201);
        assertThat(unnamed.get("friendly_name").asText()).startsWith("SubAccount Created at 2025-12-31 ");

        assertThat(sids(ACCOUNTS)).containsExactlyInAnyOrder(TestParley.ACCOUNT_SID, sid, unnamed.get("sid").asText());
        assertThat(sids(ACCOUNTS + "?FriendlyName=Branch%20office")).containsExactly(sid);

        JsonNode renamed = ok(http.post(accountPath(sid), "FriendlyName", "Head office"), 200);
        assertThat(renamed.get("friendly_name").asText()).isEqualTo("Head office");
        JsonNode suspended = ok(http.post(accountPath(sid), "Status", "suspended"), 200);
        assertThat(suspended.get("status").asText()).isEqualTo("suspended");
        assertThat(sids(ACCOUNTS + "?Status=suspended")).containsExactly(sid);
        assertThat(ok(http.post(accountPath(sid), "Status", "active"), 200).get("status").asText()).isEqualTo("active");
        assertThat(ok(http.post(accountPath(sid), "Status", "closed"), 200).get("status").asText()).isEqualTo("closed");
        error(http.post(accountPath(sid), "Status", "active"), 400, 21479);
        error(http.post(accountPath(sid), "Status", "sleeping"), 400, 20001);
    }

    private List<String> sids(String path) {
        return Contract.listed(http.get(path), "accounts", "sid");
    }

    @Test
    void aSubaccountSeesOnlyItselfAndCannotOwnSubaccountsOrChangeItsStatus() {
        JsonNode created = ok(http.post(ACCOUNTS, "FriendlyName", "Branch"), 201);
        Account sibling = parley.parley.directory().createSubaccount(TestParley.ACCOUNT_SID,
            java.util.Optional.of("Sibling"), parley.clock.now());
        Http asSub = http.as(created.get("sid").asText(), created.get("auth_token").asText());

        assertThat(Contract.listed(asSub.get(ACCOUNTS), "accounts", "sid")).containsExactly(created.get("sid").asText());
        error(asSub.post(ACCOUNTS, "FriendlyName", "Grandchild"), 400, 21101);
        error(asSub.get(accountPath(TestParley.ACCOUNT_SID)), 404, 20404);
        error(asSub.get(accountPath(sibling.sid())), 404, 20404);
        error(asSub.post(accountPath(created.get("sid").asText()), "Status", "suspended"), 403, 20403);
        error(http.post(accountPath(TestParley.ACCOUNT_SID), "Status", "suspended"), 403, 20403);
    }

    @Test
    void anotherMainAccountIsNotThere() {
        Account stranger = parley.parley.directory().createAccount("Stranger", parley.clock.now());

        error(http.get(accountPath(stranger.sid())), 404, 20404);
        error(http.post(accountPath(stranger.sid()), "FriendlyName", "Mine now"), 404, 20404);
        assertThat(parley.parley.directory().account(stranger.sid()).orElseThrow().friendlyName()).isEqualTo("Stranger");
    }
}
