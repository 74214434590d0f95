package dev.parley.server.api2010;

import static dev.parley.server.api2010.Contract.account;
import static dev.parley.server.api2010.Contract.error;
import static dev.parley.server.api2010.Contract.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.account.Account;
import dev.parley.engine.account.AccountStatus;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Basic auth on every 2010-04-01 resource, and an account's resources kept from every other account. */
class ApiAccessTest {

    private final TestParley parley = new TestParley();
    private final Http http = parley.http;
    private final Account sub = parley.parley.directory().createSubaccount(TestParley.ACCOUNT_SID, Optional.of("Sub"),
        parley.clock.now());
    private final Account stranger = parley.parley.directory().createAccount("Stranger", parley.clock.now());

    @AfterEach
    void close() {
        parley.close();
    }

    /** A completed call of the test account, its SID. */
    private String completedCall() {
        parley.parley.network().phone("+15557770001");
        parley.app.twiml("/short", "<Response><Say>Hi</Say></Response>");
        String sid = ok(http.post(account("/Calls.json"), "To", "+15557770001", "From", TestParley.NUMBER,
            "Url", parley.app.url("/short")), 201).get("sid").asText();
        parley.awaitEnded(sid);
        return sid;
    }

    private static List<String> paths(String accountSid, String callSid, String numberSid) {
        return List.of("/2010-04-01/Accounts/" + accountSid + ".json", account(accountSid, "/Calls.json"),
            account(accountSid, "/Calls/" + callSid + ".json"), account(accountSid, "/Calls/" + callSid + "/Recordings.json"),
            account(accountSid, "/IncomingPhoneNumbers.json"),
            account(accountSid, "/IncomingPhoneNumbers/" + numberSid + ".json"), account(accountSid, "/Recordings.json"));
    }

    private String numberSid() {
        return parley.parley.directory().numberByAddress(TestParley.NUMBER).orElseThrow().sid();
    }

    @Test
    void withoutOrWithWrongCredentialsEveryResourceIs401With20003() {
        String call = completedCall();
        Http anonymous = Http.anonymous(parley.url());
        Http wrong = http.as(TestParley.ACCOUNT_SID, "not-the-token");

        for (String path : paths(TestParley.ACCOUNT_SID, call, numberSid())) {
            error(anonymous.get(path), 401, 20003);
            error(wrong.get(path), 401, 20003);
        }
        error(anonymous.get("/2010-04-01/Accounts.json"), 401, 20003);
        error(anonymous.post(account("/Calls.json"), "To", "+15557770001", "From", TestParley.NUMBER,
            "Url", parley.app.url("/short")), 401, 20003);
        error(anonymous.delete(account("/Calls/" + call + ".json")), 401, 20003);
        assertThat(parley.parley.engine().calls(TestParley.ACCOUNT_SID)).hasSize(1);
    }

    @Test
    void anotherAccountsResourcesAre404With20404AndUntouched() {
        String call = completedCall();
        Http asStranger = http.as(stranger.sid(), stranger.authToken());

        for (String path : paths(TestParley.ACCOUNT_SID, call, numberSid())) {
            error(asStranger.get(path), 404, 20404);
        }
        error(asStranger.delete(account("/Calls/" + call + ".json")), 404, 20404);
        error(asStranger.delete(account("/IncomingPhoneNumbers/" + numberSid() + ".json")), 404, 20404);
        error(asStranger.post(account("/IncomingPhoneNumbers/" + numberSid() + ".json"), "VoiceUrl", "http://evil.test/"),
            404, 20404);
        error(asStranger.post(account("/Calls.json"), "To", "+15557770001", "From", TestParley.NUMBER,
            "Url", "http://evil.test/"), 404, 20404);
        error(asStranger.get(account(stranger.sid(), "/Calls/" + call + ".json")), 404, 20404);
        error(asStranger.get(account(stranger.sid(), "/IncomingPhoneNumbers/" + numberSid() + ".json")), 404, 20404);
        assertThat(ok(asStranger.get(account(stranger.sid(), "/Calls.json")), 200).get("calls")).isEmpty();
        assertThat(ok(http.get(account("/Calls/" + call + ".json")), 200).get("sid").asText()).isEqualTo(call);
        assertThat(parley.parley.directory().numberByAddress(TestParley.NUMBER).orElseThrow().voiceUrl())
            .contains(parley.app.url("/voice"));
    }

    @Test
    void aMainAccountActsOnItsSubaccountsResourcesButNotTheOtherWayRound() {
        String call = completedCall();
        Http asSub = http.as(sub.sid(), sub.authToken());

        String subNumber = ok(http.post(account(sub.sid(), "/IncomingPhoneNumbers.json"), "PhoneNumber", "+15550002000"),
            201).get("sid").asText();
        assertThat(ok(asSub.get(account(sub.sid(), "/IncomingPhoneNumbers/" + subNumber + ".json")), 200)
            .get("account_sid").asText()).isEqualTo(sub.sid());
        assertThat(ok(http.get(account(sub.sid(), "/Calls.json")), 200).get("calls")).isEmpty();
        error(http.get(account(sub.sid(), "/Calls/" + call + ".json")), 404, 20404);

        for (String path : paths(TestParley.ACCOUNT_SID, call, numberSid())) {
            error(asSub.get(path), 404, 20404);
        }
        error(asSub.post(account(sub.sid(), "/Calls.json"), "To", "+15557770001", "From", TestParley.NUMBER,
            "Url", parley.app.url("/short")), 400, 21210);
    }

    @Test
    void unknownPathsAndMethodsGetTwiliosBody() {
        error(http.get(account("/Conferences.json")), 404, 20404);
        error(http.get(account("/Calls/CA00000000000000000000000000000000.json")), 404, 20404);
        error(http.get(account("/Calls.xml")), 404, 20404);
        error(http.delete("/2010-04-01/Accounts.json"), 405, 20004);
        error(http.delete(account("/Recordings.json")), 405, 20004);
    }

    @Test
    void aSuspendedAccountIs401With20005() {
        parley.parley.directory().updateStatus(TestParley.ACCOUNT_SID, sub.sid(), AccountStatus.SUSPENDED,
            parley.clock.now());

        error(http.as(sub.sid(), sub.authToken()).get(account(sub.sid(), "/Calls.json")), 401, 20005);
    }
}
