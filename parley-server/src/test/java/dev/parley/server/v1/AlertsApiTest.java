package dev.parley.server.v1;

import static dev.parley.server.v1.ServicesApiTest.fieldNames;
import static dev.parley.server.v1.ServicesApiTest.sidsOf;
import static dev.parley.server.v1.TwilioErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.account.Account;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Monitor's alerts are the ones real calls raise: an app answering 404 (11217), TwiML with an unknown verb (12200). */
class AlertsApiTest {

    private static final String CALLER = "+15557770001";

    private final TestParley parley = new TestParley();
    private final Http http = V1Contract.checked(parley.http);
    private final Http monitor = V1Contract.client(parley.url() + "/monitor", TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);

    @AfterEach
    void close() {
        parley.close();
    }

    @Test
    void anAppAnswering404RaisesAnErrorAlertListedWithTwilioFields() {
        String call = call(TestParley.NUMBER);

        Http.Response listed = monitor.get("/v1/Alerts");

        assertThat(listed.status()).isEqualTo(200);
        JsonNode alerts = listed.json().get("alerts");
        assertThat(alerts).hasSize(1);
        JsonNode a = alerts.get(0);
        assertThat(fieldNames(a)).containsExactly("account_sid", "alert_text", "api_version", "date_created",
            "date_generated", "date_updated", "error_code", "log_level", "more_info", "request_method", "request_url",
            "resource_sid", "sid", "url", "service_sid");
        assertThat(a.get("sid").asText()).matches("NO[0-9a-f]{32}");
        assertThat(a.get("account_sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(a.get("error_code").isTextual()).isTrue();
        assertThat(a.get("error_code").asText()).isEqualTo("11217");
        assertThat(a.get("log_level").asText()).isEqualTo("error");
        assertThat(a.get("alert_text").asText()).contains("404");
        assertThat(a.get("api_version").asText()).isEqualTo("2010-04-01");
        assertThat(a.get("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/11217");
        assertThat(a.get("request_method").asText()).isEqualTo("POST");
        assertThat(a.get("request_url").asText()).isEqualTo(parley.app.url("/voice"));
        assertThat(a.get("resource_sid").asText()).isEqualTo(call);
        assertThat(a.get("date_created").asText()).isEqualTo(a.get("date_generated").asText())
            .isEqualTo(a.get("date_updated").asText()).startsWith("2026-01-01T00:00:");
        assertThat(a.get("service_sid").isNull()).isTrue();
        assertThat(a.get("url").asText()).isEqualTo(parley.url() + "/monitor/v1/Alerts/" + a.get("sid").asText());
        assertThat(listed.json().get("meta").get("key").asText()).isEqualTo("alerts");
    }

    @Test
    void fetchAddsTheRequestAndResponseFields() {
        call(TestParley.NUMBER);
        JsonNode listed = monitor.get("/v1/Alerts").json().get("alerts").get(0);

        Http.Response fetched = monitor.get("/v1/Alerts/" + listed.get("sid").asText());

        assertThat(fetched.status()).isEqualTo(200);
        JsonNode a = fetched.json();
        assertThat(fieldNames(a)).containsExactly("account_sid", "alert_text", "api_version", "date_created",
            "date_generated", "date_updated", "error_code", "log_level", "more_info", "request_method", "request_url",
            "request_variables", "resource_sid", "response_body", "response_headers", "request_headers", "sid", "url",
            "service_sid");
        for (String field : List.of("request_variables", "response_body", "response_headers", "request_headers")) {
            assertThat(a.get(field).isNull()).as(field).isTrue();
        }
        assertThat(a.get("error_code").asText()).isEqualTo("11217");
        assertError(monitor.get("/v1/Alerts/NO00000000000000000000000000000000"), 404, 20404,
            "The requested resource /monitor/v1/Alerts/NO00000000000000000000000000000000 was not found");
    }

    @Test
    void listFiltersByLogLevelAndDateNewestFirst() {
        parley.app.twiml("/voice", "<Response><Shout>Hello</Shout><Hangup/></Response>");
        call(TestParley.NUMBER);
        parley.clock.advance(Duration.ofDays(2));
        parley.app.route("/voice", r -> "<Response><Redirect>/gone</Redirect></Response>");
        call(TestParley.NUMBER);
        JsonNode all = monitor.get("/v1/Alerts").json().get("alerts");
        assertThat(all).extracting(a -> a.get("error_code").asText()).containsExactly("11217", "12200");
        String error = all.get(0).get("sid").asText();
        String warning = all.get(1).get("sid").asText();

        assertThat(sidsOf(alerts("?LogLevel=warning"))).containsExactly(warning);
        assertThat(sidsOf(alerts("?LogLevel=error"))).containsExactly(error);
        assertThat(sidsOf(alerts("?LogLevel=debug"))).isEmpty();
        assertThat(sidsOf(alerts("?StartDate=2026-01-02"))).containsExactly(error);
        assertThat(sidsOf(alerts("?EndDate=2026-01-01"))).containsExactly(warning);
        assertThat(sidsOf(alerts("?StartDate=2026-01-01T00:00:00Z&EndDate=2026-01-03T23:59:59Z"))).containsExactly(error,
            warning);
        assertError(monitor.get("/v1/Alerts?LogLevel=fatal"), 400, 20001,
            "Invalid LogLevel: 'fatal' (error, warning, notice or debug)");
    }

    @Test
    void listPagesUpTo1000() {
        for (int i = 0; i < 3; i++) call(TestParley.NUMBER);
        List<String> all = sidsOf(alerts(""));
        assertThat(all).hasSize(3);

        JsonNode first = monitor.get("/v1/Alerts?LogLevel=error&PageSize=2").json();

        assertThat(sidsOf(first.get("alerts"))).containsExactlyElementsOf(all.subList(0, 2));
        String next = first.get("meta").get("next_page_url").asText();
        assertThat(next).startsWith(parley.url() + "/monitor/v1/Alerts?LogLevel=error&PageSize=2&Page=1&PageToken=PANO");
        JsonNode second = monitor.get(next.substring((parley.url() + "/monitor").length())).json();
        assertThat(sidsOf(second.get("alerts"))).containsExactlyElementsOf(all.subList(2, 3));
        assertThat(monitor.get("/v1/Alerts?PageSize=1000").status()).isEqualTo(200);
        assertError(monitor.get("/v1/Alerts?PageSize=1001"), 400, 20001, "Invalid PageSize: 1001 (1 to 1000)");
    }

    @Test
    void aMainAccountFetchesItsSubaccountsAlertsButListsItsOwn() {
        Account sub = parley.parley.directory().createSubaccount(TestParley.ACCOUNT_SID, Optional.of("Sub"),
            parley.clock.now());
        parley.parley.directory().addNumber(sub.sid(), "+15550002000", parley.app.url("/sub-voice"), parley.clock.now());
        call("+15550002000");
        Http subMonitor = V1Contract.client(parley.url() + "/monitor", sub.sid(), sub.authToken());
        String subAlert = subMonitor.get("/v1/Alerts").json().get("alerts").get(0).get("sid").asText();
        Account other = parley.parley.directory().createAccount("Other", parley.clock.now());

        assertThat(monitor.get("/v1/Alerts").json().get("alerts")).isEmpty();
        assertThat(monitor.get("/v1/Alerts/" + subAlert).json().get("account_sid").asText()).isEqualTo(sub.sid());
        assertError(V1Contract.client(parley.url() + "/monitor", other.sid(), other.authToken()).get("/v1/Alerts/" + subAlert),
            404, 20404, "The requested resource /monitor/v1/Alerts/" + subAlert + " was not found");
    }

    /** A virtual phone calls the number; returns the call's SID once it has ended. */
    private String call(String number) {
        if (parley.parley.network().find(CALLER).isEmpty()) http.post("/parley/v1/Phones", "Address", CALLER);
        String callSid = http.post("/parley/v1/Phones/%2B15557770001/Calls", "To", number).json().get("call_sid").asText();
        parley.awaitEnded(callSid);
        return callSid;
    }

    private JsonNode alerts(String query) {
        Http.Response response = monitor.get("/v1/Alerts" + query);
        assertThat(response.status()).as(query).isEqualTo(200);
        return response.json().get("alerts");
    }
}
