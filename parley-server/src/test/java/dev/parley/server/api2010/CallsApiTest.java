package dev.parley.server.api2010;

import static dev.parley.server.api2010.Contract.account;
import static dev.parley.server.api2010.Contract.error;
import static dev.parley.server.api2010.Contract.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.TimeHold;
import dev.parley.server.testing.VoiceApp;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallsApiTest {

    private static final String CALLS = account("/Calls.json");
    private static final String CUSTOMER = "+15557770001";

    private final TestParley parley = new TestParley();
    private final Http http = parley.http;
    private final VirtualPhone customer = parley.parley.network().phone(CUSTOMER);

    @AfterEach
    void close() {
        parley.close();
    }

    private static List<String> form(String... more) {
        List<String> form = new ArrayList<>(List.of("To", CUSTOMER, "From", TestParley.NUMBER));
        form.addAll(List.of(more));
        return form;
    }

    private JsonNode create(String... more) {
        return ok(http.post(CALLS, form(more)), 201);
    }

    private static String call(String sid) {
        return account("/Calls/" + sid + ".json");
    }

    /** A call answered and running a long Pause, with time held 5 s after it was created. */
    private String liveCall(TimeHold hold) {
        parley.app.twiml("/hold", "<Response><Say>Please hold</Say><Pause length=\"60\"/></Response>");
        String sid = create("Url", parley.app.url("/hold")).get("sid").asText();
        hold.until(Duration.ofSeconds(5));
        return sid;
    }

    @Test
    void aCreatedCallIsQueuedThenRunsTheAppsTwimlAndCompletes() {
        parley.app.twiml("/outbound", "<Response><Say>Hello from the API</Say></Response>");

        JsonNode created = create("Url", parley.app.url("/outbound"));

        String sid = created.get("sid").asText();
        assertThat(created.get("status").asText()).isEqualTo("queued");
        assertThat(created.get("direction").asText()).isEqualTo("outbound-api");
        assertThat(created.get("to").asText()).isEqualTo(CUSTOMER);
        assertThat(created.get("to_formatted").asText()).isEqualTo("(555) 777-0001");
        assertThat(created.get("from").asText()).isEqualTo(TestParley.NUMBER);
        assertThat(created.get("account_sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(created.get("api_version").asText()).isEqualTo("2010-04-01");
        assertThat(created.get("date_created").asText()).isEqualTo("Thu, 01 Jan 2026 00:00:00 +0000");
        assertThat(created.get("uri").asText()).isEqualTo(call(sid));
        assertThat(created.get("subresource_uris").get("recordings").asText())
            .isEqualTo(account("/Calls/" + sid + "/Recordings.json"));
        assertThat(created.get("start_time").isNull()).isTrue();
        assertThat(created.get("duration").isNull()).isTrue();

        parley.awaitEnded(sid);
        JsonNode ended = ok(http.get(call(sid)), 200);
        assertThat(ended.get("status").asText()).isEqualTo("completed");
        assertThat(ended.get("start_time").asText()).isEqualTo("Thu, 01 Jan 2026 00:00:01 +0000");
        assertThat(ended.get("duration").asText()).isEqualTo(String.valueOf(
            parley.parley.engine().call(sid).orElseThrow().duration().orElseThrow()));
        assertThat(customer.saidTexts()).containsExactly("Hello from the API");
        VoiceApp.Request request = parley.app.requests("/outbound").getFirst();
        assertThat(request.signatureValid()).isTrue();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.param("CallSid")).isEqualTo(sid);
        assertThat(request.param("Direction")).isEqualTo("outbound-api");
    }

    @Test
    void inlineTwimlMethodFallbackStatusCallbackEventsAndTimeoutAreHonoured() {
        customer.ringForever();
        String sid = create("Twiml", "<Response><Say>never heard</Say></Response>", "Timeout", "15",
            "StatusCallback", parley.app.url("/status"), "StatusCallbackMethod", "GET",
            "StatusCallbackEvent", "initiated ringing", "StatusCallbackEvent", "completed").get("sid").asText();

        parley.awaitEnded(sid);

        JsonNode ended = ok(http.get(call(sid)), 200);
        assertThat(ended.get("status").asText()).isEqualTo("no-answer");
        assertThat(ended.get("end_time").asText()).isEqualTo("Thu, 01 Jan 2026 00:00:15 +0000");
        parley.await(() -> parley.app.requests("/status").size() == 3);
        assertThat(parley.app.requests("/status")).extracting(r -> r.param("CallStatus"))
            .containsExactly("initiated", "ringing", "no-answer");
        assertThat(parley.app.requests("/status")).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));

        parley.app.twiml("/fallback", "<Response><Say>from the fallback</Say></Response>");
        customer.answerAfter(Duration.ZERO);
        String second = create("Url", parley.app.url("/missing"), "Method", "GET",
            "FallbackUrl", parley.app.url("/fallback"), "FallbackMethod", "POST").get("sid").asText();
        parley.awaitEnded(second);
        assertThat(parley.app.requests("/missing").getFirst().method()).isEqualTo("GET");
        assertThat(parley.app.requests("/fallback").getFirst().method()).isEqualTo("POST");
        assertThat(customer.saidTexts()).containsExactly("from the fallback");
    }

    @Test
    void listsNewestFirstInPagesThatFollowTheirNextPageUri() {
        parley.app.twiml("/short", "<Response><Hangup/></Response>");
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sids.add(create("Url", parley.app.url("/short")).get("sid").asText());
            parley.awaitEnded(sids.getLast());
        }

        JsonNode first = ok(http.get(CALLS + "?Status=completed&PageSize=2"), 200);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("page_size").asInt()).isEqualTo(2);
        assertThat(first.get("start").asInt()).isZero();
        assertThat(first.get("end").asInt()).isEqualTo(1);
        assertThat(first.get("uri").asText()).isEqualTo(CALLS + "?Status=completed&PageSize=2&Page=0");
        assertThat(first.get("first_page_uri").asText()).isEqualTo(CALLS + "?Status=completed&PageSize=2&Page=0");
        assertThat(first.get("previous_page_uri").isNull()).isTrue();
        assertThat(first.get("next_page_uri").asText())
            .isEqualTo(CALLS + "?Status=completed&PageSize=2&Page=1&PageToken=PA" + sids.get(3));

        List<String> listed = new ArrayList<>();
        JsonNode page = first;
        while (true) {
            page.get("calls").forEach(c -> listed.add(c.get("sid").asText()));
            if (page.get("next_page_uri").isNull()) break;
            page = ok(http.get(page.get("next_page_uri").asText()), 200);
        }
        assertThat(listed).containsExactlyElementsOf(sids.reversed());
        assertThat(page.get("page").asInt()).isEqualTo(2);
        assertThat(page.get("start").asInt()).isEqualTo(4);
        assertThat(page.get("end").asInt()).isEqualTo(4);
        assertThat(page.get("previous_page_uri").asText()).isEqualTo(CALLS + "?Status=completed&PageSize=2&Page=1");
    }

    @Test
    void listsFilterByPartyParentStatusAndDates() {
        VirtualPhone agent = parley.parley.network().phone("+15557770002");
        agent.hangupAt(Duration.ofSeconds(2));
        parley.app.twiml("/dial", "<Response><Dial>+15557770002</Dial></Response>");
        parley.app.twiml("/short", "<Response><Hangup/></Response>");
        String parent = create("Url", parley.app.url("/dial")).get("sid").asText();
        parley.awaitEnded(parent);
        parley.parley.network().phone("+15557770003").busy();
        String busy = ok(http.post(CALLS, "To", "+15557770003", "From", TestParley.NUMBER, "Url",
            parley.app.url("/short")), 201).get("sid").asText();
        parley.awaitEnded(busy);
        String child = parley.parley.engine().calls(TestParley.ACCOUNT_SID).stream()
            .filter(c -> c.parentCallSid().isPresent()).findFirst().orElseThrow().sid();

        assertThat(sids(CALLS)).containsExactly(busy, child, parent);
        assertThat(sids(CALLS + "?To=%2B15557770003")).containsExactly(busy);
        assertThat(sids(CALLS + "?To=%2B15557770002")).containsExactly(child);
        assertThat(sids(CALLS + "?From=%2B15550001000")).containsExactly(busy, child, parent);
        assertThat(sids(CALLS + "?From=%2B15557770002")).isEmpty();
        assertThat(sids(CALLS + "?ParentCallSid=" + parent)).containsExactly(child);
        assertThat(sids(CALLS + "?Status=busy")).containsExactly(busy);
        assertThat(sids(CALLS + "?Status=completed")).containsExactly(child, parent);
        assertThat(sids(CALLS + "?StartTime=2026-01-01")).containsExactly(child, parent);
        assertThat(sids(CALLS + "?StartTime%3E=2026-01-02")).isEmpty();
        assertThat(sids(CALLS + "?StartTime%3C=2026-01-02&StartTime%3E=2026-01-01")).containsExactly(child, parent);
        assertThat(sids(CALLS + "?EndTime=2026-01-01")).containsExactly(busy, child, parent);
        assertThat(sids(CALLS + "?EndTime%3C=2026-01-01")).isEmpty();
        JsonNode childJson = ok(http.get(call(child)), 200);
        assertThat(childJson.get("direction").asText()).isEqualTo("outbound-dial");
        assertThat(childJson.get("parent_call_sid").asText()).isEqualTo(parent);
        assertThat(ok(http.get(CALLS + "?EndTime%3C=2026-01-01"), 200).get("uri").asText())
            .isEqualTo(CALLS + "?EndTime%3C=2026-01-01&PageSize=50&Page=0");

        error(http.get(CALLS + "?Status=ringing-ish"), 400, 20001);
        error(http.get(CALLS + "?StartTime=yesterday"), 400, 20001);
        error(http.get(CALLS + "?PageSize=1001"), 400, 20001);
        error(http.get(CALLS + "?Page=-1"), 400, 20001);
    }

    private List<String> sids(String path) {
        return Contract.listed(http.get(path), "calls", "sid");
    }

    /** A live call (answered, in a long Pause) sent each update in turn while time is held; its SID once it has ended. */
    @SafeVarargs
    private String updatedLiveCall(List<String>... updates) {
        String sid;
        try (TimeHold hold = TimeHold.freeze(parley.clock)) {
            sid = liveCall(hold);
            for (List<String> update : updates) {
                assertThat(ok(http.post(call(sid), update), 200).get("sid").asText()).isEqualTo(sid);
            }
        }
        parley.awaitEnded(sid);
        return sid;
    }

    @Test
    void aLiveCallIsRedirectedToANewUrl() {
        parley.app.twiml("/next", "<Response><Say>Transferred</Say></Response>");

        String sid = updatedLiveCall(List.of("Url", parley.app.url("/next"), "Method", "GET"));

        assertThat(parley.app.requests("/next")).singleElement().satisfies(r -> assertThat(r.method()).isEqualTo("GET"));
        assertThat(customer.saidTexts()).containsExactly("Please hold", "Transferred");
        assertThat(ok(http.get(call(sid)), 200).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void aLiveCallIsRedirectedToInlineTwiml() {
        updatedLiveCall(List.of("Twiml", "<Response><Say>Inline now</Say></Response>"));

        assertThat(customer.saidTexts()).containsExactly("Please hold", "Inline now");
    }

    @Test
    void statusCompletedHangsUpAnAnsweredCallAndCanceledEndsARingingOne() {
        String sid = updatedLiveCall(List.of("Status", "canceled"), List.of("Status", "completed"));
        assertThat(ok(http.get(call(sid)), 200).get("status").asText()).isEqualTo("completed");

        customer.ringForever();
        String ringing;
        try (TimeHold hold = TimeHold.freeze(parley.clock)) {
            ringing = create("Url", parley.app.url("/hold")).get("sid").asText();
            hold.until(Duration.ofSeconds(5));
            ok(http.post(call(ringing), "Status", "canceled"), 200);
        }
        parley.awaitEnded(ringing);
        assertThat(ok(http.get(call(ringing)), 200).get("status").asText()).isEqualTo("canceled");
        assertThat(ok(http.post(call(ringing), "Status", "completed"), 200).get("status").asText())
            .as("an update that changes nothing answers with the call").isEqualTo("canceled");
    }

    @Test
    void aCallThatIsOverCannotBeRedirectedAndALiveOneCannotBeDeleted() {
        String sid;
        try (TimeHold hold = TimeHold.freeze(parley.clock)) {
            sid = liveCall(hold);
            error(http.delete(call(sid)), 400, 20009);
            error(http.post(call(sid), "Status", "busy"), 400, 20001);
            error(http.post(call(sid), "FallbackUrl", parley.app.url("/x")), 400, 20001);
            error(http.post(call(sid), "Url", "not a url"), 400, 21205);
            error(http.post(call(sid), "Url", parley.app.url("/x"), "Method", "PUT"), 400, 21209);
            ok(http.post(call(sid), "Status", "completed"), 200);
        }
        parley.awaitEnded(sid);

        error(http.post(call(sid), "Url", parley.app.url("/next")), 400, 21220);
        assertThat(http.delete(call(sid)).status()).isEqualTo(204);
        error(http.get(call(sid)), 404, 20404);
        error(http.delete(call(sid)), 404, 20404);
        assertThat(sids(CALLS)).doesNotContain(sid);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no To                      | 21201 | From=+15550001000&Url=http://a.test/",
        "a To that is no number     | 21211 | To=5551234&From=+15550001000&Url=http://a.test/",
        "no From                    | 21213 | To=+15557770001&Url=http://a.test/",
        "a From that is no number   | 21212 | To=+15557770001&From=abc&Url=http://a.test/",
        "a From not of the account  | 21210 | To=+15557770001&From=+15559990000&Url=http://a.test/",
        "neither Url nor Twiml      | 21205 | To=+15557770001&From=+15550001000",
        "a relative Url             | 21205 | To=+15557770001&From=+15550001000&Url=/voice",
        "a bad Method               | 21209 | To=+15557770001&From=+15550001000&Url=http://a.test/&Method=PUT",
        "a bad StatusCallbackMethod | 21209 | To=+15557770001&From=+15550001000&Url=http://a.test/&StatusCallbackMethod=X",
        "a bad StatusCallbackEvent  | 20001 | To=+15557770001&From=+15550001000&Url=http://a.test/&StatusCallbackEvent=hungup",
        "a Timeout out of range     | 20001 | To=+15557770001&From=+15550001000&Url=http://a.test/&Timeout=601",
        "Record=true                | 20001 | To=+15557770001&From=+15550001000&Url=http://a.test/&Record=true",
        "machine detection          | 20001 | To=+15557770001&From=+15550001000&Url=http://a.test/&MachineDetection=Enable",
    })
    void badCreateRequestsGetTwiliosCodes(String what, int code, String query) {
        List<String> form = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            form.add(pair.substring(0, eq));
            form.add(pair.substring(eq + 1));
        }

        error(http.post(CALLS, form), 400, code);

        assertThat(parley.parley.engine().calls(TestParley.ACCOUNT_SID)).isEmpty();
    }

    @Test
    void aClientAddressIsAValidTo() {
        parley.parley.network().phone("client:alice");
        parley.app.twiml("/short", "<Response><Say>Hi Alice</Say></Response>");

        JsonNode created = ok(http.post(CALLS, "To", "client:alice", "From", TestParley.NUMBER,
            "Url", parley.app.url("/short")), 201);

        assertThat(created.get("to_formatted").asText()).isEqualTo("client:alice");
        parley.awaitEnded(created.get("sid").asText());
        assertThat(parley.parley.network().phone("client:alice").saidTexts()).containsExactly("Hi Alice");
    }
}
