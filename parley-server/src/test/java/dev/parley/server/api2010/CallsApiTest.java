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
import java.util.Optional;
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
    void aDialledLegIsRedirectedOutOfTheBridgeAndTheCallerGoesOnWithTheAction() {
        VirtualPhone agent = parley.parley.network().phone("+15557770002");
        agent.answerAfter(Duration.ofSeconds(4));
        parley.app.twiml("/dial", "<Response><Dial action=\"/dialed\">+15557770002</Dial></Response>");
        parley.app.route("/dialed", r -> "<Response><Say>Dial " + r.param("DialCallStatus") + "</Say></Response>");
        String parent;
        String leg;
        try (TimeHold hold = TimeHold.freeze(parley.clock)) {
            parent = create("Url", parley.app.url("/dial")).get("sid").asText();
            hold.until(Duration.ofSeconds(3));
            leg = parley.parley.engine().calls(TestParley.ACCOUNT_SID).stream()
                .filter(c -> c.parentCallSid().isPresent()).findFirst().orElseThrow().sid();
            error(http.post(call(leg), "Twiml", "<Response><Say>Too soon</Say></Response>"), 400, 21220);
            hold.until(Duration.ofSeconds(8));
            JsonNode updated = ok(http.post(call(leg), "Twiml", "<Response><Say>You are transferred</Say></Response>"), 200);
            assertThat(updated.get("sid").asText()).isEqualTo(leg);
            assertThat(updated.get("direction").asText()).isEqualTo("outbound-dial");
            assertThat(updated.get("status").asText()).isEqualTo("in-progress");
        }
        parley.awaitEnded(parent);
        parley.awaitEnded(leg);

        assertThat(parley.app.requests("/dialed")).singleElement()
            .satisfies(r -> assertThat(r.param("DialCallStatus")).isEqualTo("completed"));
        assertThat(customer.saidTexts()).containsExactly("Dial completed");
        assertThat(agent.saidTexts()).containsExactly("You are transferred");
        assertThat(ok(http.get(call(leg)), 200).get("status").asText()).isEqualTo("completed");
        error(http.post(call(leg), "Twiml", "<Response><Say>Too late</Say></Response>"), 400, 21220);
    }

    /**
     * The warm transfer of a Frontline call: the worker's leg of a {@code <Connect><Conversation>} session is refused
     * while it rings, and once joined leaves the session, which ends {@code session-success}, {@code completed}.
     */
    @Test
    void aFrontlineWorkersLegIsRefused21220WhileItRingsAndRedirectedOnceJoined() {
        String service = parley.http.post("/conversations/v1/Services", "FriendlyName", "Frontline").json().get("sid").asText();
        String conversations = "/conversations/v1/Services/" + service + "/Conversations";
        String conversation = parley.http.post(conversations, "FriendlyName", "Jane Doe").json().get("sid").asText();
        String participants = conversations + "/" + conversation + "/Participants";
        parley.http.post(participants, "MessagingBinding.Address", CUSTOMER, "MessagingBinding.ProxyAddress", TestParley.NUMBER);
        parley.http.post(participants, "Identity", "alice@example.com");
        parley.http.post("/parley/v1/Frontline/Users", "Identity", "alice@example.com", "IsAvailable", "true");
        parley.app.twiml("/voice", "<Response><Connect action=\"/after\"><Conversation serviceInstanceSid=\"" + service
            + "\"/></Connect></Response>");
        parley.app.route("/after", r -> "<Response><Say>" + r.param("Result") + " " + r.param("DialCallStatus")
            + "</Say></Response>");
        VirtualPhone alice = parley.parley.network().phone("client:alice@example.com").answerAfter(Duration.ofSeconds(4));
        String callSid;
        String leg;
        try (TimeHold hold = TimeHold.freeze(parley.clock)) {
            callSid = customer.call(TestParley.NUMBER).orElseThrow();
            hold.until(Duration.ofSeconds(3));
            leg = parley.parley.engine().calls(TestParley.ACCOUNT_SID).stream()
                .filter(c -> c.parentCallSid().equals(Optional.of(callSid))).findFirst().orElseThrow().sid();
            error(http.post(call(leg), "Url", parley.app.url("/transfer")), 400, 21220);
            hold.until(Duration.ofSeconds(8));
            JsonNode updated = ok(http.post(call(leg), "Twiml", "<Response><Say>You are transferred</Say></Response>"), 200);
            assertThat(updated.get("sid").asText()).isEqualTo(leg);
            assertThat(updated.get("parent_call_sid").asText()).isEqualTo(callSid);
            assertThat(updated.get("status").asText()).isEqualTo("in-progress");
        }
        parley.awaitEnded(callSid);
        parley.awaitEnded(leg);

        assertThat(parley.app.requests("/transfer")).isEmpty();
        assertThat(parley.app.requests("/after")).singleElement().satisfies(r -> {
            assertThat(r.param("Result")).isEqualTo("session-success");
            assertThat(r.param("DialCallSid")).isEqualTo(leg);
        });
        assertThat(customer.saidTexts()).containsExactly("session-success completed");
        assertThat(alice.saidTexts()).containsExactly("You are transferred");
        assertThat(ok(http.get(call(leg)), 200).get("status").asText()).isEqualTo("completed");
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
        "a bad StatusCallbackEvent  | 21626 | To=+15557770001&From=+15550001000&Url=http://a.test/&StatusCallbackEvent=hungup",
        "a Timeout out of range     | 20001 | To=+15557770001&From=+15550001000&Url=http://a.test/&Timeout=601",
        "a Record that is no boolean | 20001 | To=+15557770001&From=+15550001000&Url=http://a.test/&Record=yes",
        "a bad RecordingChannels    | 20001 | To=+15557770001&From=+15550001000&Url=http://a.test/&Record=true&RecordingChannels=stereo",
        "a bad RecordingTrack       | 20001 | To=+15557770001&From=+15550001000&Url=http://a.test/&Record=true&RecordingTrack=left",
        "a bad Trim                 | 20001 | To=+15557770001&From=+15550001000&Url=http://a.test/&Record=true&Trim=yes",
        "a relative RecordingStatusCallback | 21205 | To=+15557770001&From=+15550001000&Url=http://a.test/&Record=true&RecordingStatusCallback=/rec",
        "a bad RecordingStatusCallbackMethod | 21209 | To=+15557770001&From=+15550001000&Url=http://a.test/&Record=true&RecordingStatusCallbackMethod=PUT",
        "a bad RecordingStatusCallbackEvent | 20001 | To=+15557770001&From=+15550001000&Url=http://a.test/&Record=true&RecordingStatusCallbackEvent=failed",
        "bad options without Record | 20001 | To=+15557770001&From=+15550001000&Url=http://a.test/&RecordingChannels=stereo",
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
    void aCallsRecordingsShowTheTrackItAskedFor() {
        customer.talk(Duration.ofSeconds(1), Duration.ofSeconds(2));
        parley.app.twiml("/outbound", "<Response><Pause length=\"4\"/></Response>");

        String sid = create("Url", parley.app.url("/outbound"), "Record", "true", "RecordingTrack", "inbound")
            .get("sid").asText();
        parley.awaitEnded(sid);
        parley.await(() -> !parley.parley.engine().recordings().ofCall(sid).isEmpty());

        JsonNode ofCall = ok(http.get(account("/Calls/" + sid + "/Recordings.json")), 200).get("recordings");
        assertThat(ofCall).hasSize(1);
        assertThat(ofCall.get(0).get("track").asText()).isEqualTo("inbound");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"inbound, 1", "outbound, 1", "both, 2"})
    void aDialsRecordingShowsItsRecordingTrackOnTheCallsRecordings(String track, int channels) {
        String agent = "+15558880001";
        customer.talk(Duration.ofSeconds(1), Duration.ofSeconds(1));
        parley.parley.network().phone(agent).answerAfter(Duration.ofSeconds(1)).talk(Duration.ofSeconds(2),
            Duration.ofSeconds(1)).hangupAt(Duration.ofSeconds(4));
        parley.app.twiml("/outbound", "<Response><Dial record=\"record-from-answer-dual\" recordingTrack=\"" + track
            + "\"><Number>" + agent + "</Number></Dial></Response>");

        String sid = create("Url", parley.app.url("/outbound")).get("sid").asText();
        parley.awaitEnded(sid);
        parley.await(() -> !parley.parley.engine().recordings().ofCall(sid).isEmpty());

        JsonNode ofCall = ok(http.get(account("/Calls/" + sid + "/Recordings.json")), 200).get("recordings");
        assertThat(ofCall).hasSize(1);
        assertThat(ofCall.get(0).get("source").asText()).isEqualTo("DialVerb");
        assertThat(ofCall.get(0).get("track").asText()).isEqualTo(track);
        assertThat(ofCall.get(0).get("channels").asInt()).isEqualTo(channels);
        String one = ofCall.get(0).get("uri").asText();
        assertThat(ok(http.get(one), 200).get("track").asText()).isEqualTo(track);
    }

    @Test
    void recordTrueRecordsTheWholeCallWithItsRecordingParameters() {
        customer.talk(Duration.ofSeconds(1), Duration.ofSeconds(2));
        parley.app.twiml("/outbound", "<Response><Pause length=\"4\"/></Response>");

        String sid = create("Url", parley.app.url("/outbound"), "Record", "true", "RecordingChannels", "dual",
            "Trim", "do-not-trim", "RecordingTrack", "both", "RecordingStatusCallback", parley.app.url("/recording"),
            "RecordingStatusCallbackMethod", "GET", "RecordingStatusCallbackEvent", "in-progress",
            "RecordingStatusCallbackEvent", "completed", "StatusCallback", parley.app.url("/status"))
            .get("sid").asText();
        parley.awaitEnded(sid);
        parley.await(() -> parley.app.requests("/recording").size() == 2 && parley.app.requests("/status").size() == 1);

        JsonNode listed = ok(http.get(account("/Recordings.json")), 200).get("recordings");
        assertThat(listed).hasSize(1);
        JsonNode recording = listed.get(0);
        String recordingSid = recording.get("sid").asText();
        assertThat(recording.get("call_sid").asText()).isEqualTo(sid);
        assertThat(recording.get("source").asText()).isEqualTo("OutboundAPI");
        assertThat(recording.get("channels").asInt()).isEqualTo(2);
        assertThat(recording.get("status").asText()).isEqualTo("completed");
        assertThat(recording.get("duration").asText()).as("the answer to the end of the 4 s pause").isEqualTo("4");
        JsonNode ofCall = ok(http.get(account("/Calls/" + sid + "/Recordings.json")), 200).get("recordings");
        assertThat(ofCall).extracting(r -> r.get("sid").asText()).containsExactly(recordingSid);
        assertThat(ofCall.get(0).get("track").asText()).isEqualTo("both");
        assertThat(recording.has("track")).as("only a call's Recordings show the track").isFalse();
        String media = account("/Recordings/" + recordingSid);
        assertThat(http.getBytes(media + ".wav").body())
            .isEqualTo(parley.parley.engine().recordings().recording(recordingSid).orElseThrow().media().bytes());
        assertThat(http.getBytes(media + ".mp3").contentType()).isEqualTo("audio/mpeg");

        assertThat(parley.app.requests("/recording")).extracting(r -> r.param("RecordingStatus"))
            .containsExactlyInAnyOrder("in-progress", "completed");
        assertThat(parley.app.requests("/recording")).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.signatureValid()).isTrue();
            assertThat(r.params()).containsEntry("RecordingSid", recordingSid).containsEntry("CallSid", sid)
                .containsEntry("RecordingSource", "OutboundAPI").containsEntry("RecordingChannels", "2");
        });
        assertThat(parley.app.requests("/status").getFirst().params()).containsEntry("CallStatus", "completed")
            .containsEntry("RecordingSid", recordingSid).containsEntry("RecordingDuration", "4")
            .containsEntry("RecordingUrl", parley.parley.config().baseUrl() + media);
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
