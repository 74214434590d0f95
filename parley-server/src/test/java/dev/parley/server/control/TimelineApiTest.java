package dev.parley.server.control;

import static dev.parley.server.testing.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.account.Account;
import dev.parley.engine.store.TimelineStore;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.TimeHold;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimelineApiTest {

    private static final String CALLER = "+15557770001";

    private final TestParley parley = new TestParley();
    private final Http http = parley.http;

    @AfterEach
    void close() {
        parley.close();
    }

    private String call(String to) {
        http.post("/parley/v1/Phones", "Address", CALLER);
        return http.post("/parley/v1/Phones/" + encode(CALLER) + "/Calls", "To", to).json().get("call_sid").asText();
    }

    private static String timeline(String callSid) {
        return "/parley/v1/Calls/" + callSid + "/Timeline";
    }

    @Test
    void aCallsTimelineListsItsEventsInOrderWithTheirOffsets() {
        parley.app.twiml("/voice", "<Response><Say>Welcome</Say><Hangup/></Response>");
        String callSid = call(TestParley.NUMBER);
        parley.awaitEnded(callSid);

        JsonNode timeline = http.get(timeline(callSid)).json();

        assertThat(timeline.get("call_sid").asText()).isEqualTo(callSid);
        assertThat(timeline.get("account_sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(timeline.get("from").asText()).isEqualTo(CALLER);
        assertThat(timeline.get("to").asText()).isEqualTo(TestParley.NUMBER);
        assertThat(timeline.get("direction").asText()).isEqualTo("inbound");
        assertThat(timeline.get("status").asText()).isEqualTo("completed");
        assertThat(timeline.get("live").asBoolean()).isFalse();
        assertThat(timeline.get("url").asText()).isEqualTo(parley.url() + timeline(callSid));
        JsonNode events = timeline.get("events");
        assertThat(events.get(0).get("kind").asText()).isEqualTo("status");
        assertThat(events.get(0).get("text").asText()).startsWith("ringing inbound " + CALLER);
        assertThat(events.get(0).get("offset").decimalValue()).isEqualByComparingTo("0");
        assertThat(events).extracting(e -> e.get("kind").asText()).contains("webhook", "media");
        assertThat(events).anySatisfy(e -> assertThat(e.get("text").asText()).isEqualTo("say \"Welcome\""));
        assertThat(events).extracting(e -> e.get("offset").decimalValue()).isSorted();
        assertThat(events).allSatisfy(e -> assertThat(e.get("call_sid").asText()).isEqualTo(callSid));
        assertThat(events.get(events.size() - 1).get("text").asText()).isEqualTo("completed");
    }

    /** A call and the leg it dialled. */
    private record Dialled(String callSid, String childSid) {
    }

    /** A call that dialled a phone answering and hanging up after 3 s, over. */
    private Dialled dialledAndEnded() {
        http.post("/parley/v1/Phones", "Address", "+15557770002", "HangupAfter", "3");
        parley.app.twiml("/voice", "<Response><Dial>+15557770002</Dial></Response>");
        String callSid = call(TestParley.NUMBER);
        parley.awaitEnded(callSid);
        String childSid = parley.parley.engine().calls(TestParley.ACCOUNT_SID).stream()
            .filter(c -> c.parentCallSid().equals(Optional.of(callSid))).findFirst().orElseThrow().sid();
        return new Dialled(callSid, childSid);
    }

    @Test
    void theTimelineIncludesTheLegsTheCallDialled() {
        Dialled dialled = dialledAndEnded();
        String callSid = dialled.callSid();
        String childSid = dialled.childSid();

        JsonNode events = http.get(timeline(callSid)).json().get("events");

        assertThat(events).extracting(e -> e.get("call_sid").asText()).contains(callSid, childSid);
        assertThat(events).anySatisfy(e -> assertThat(e.get("text").asText()).isEqualTo("bridged with " + childSid));
        JsonNode leg = http.get(timeline(childSid)).json();
        assertThat(leg.get("direction").asText()).isEqualTo("outbound-dial");
        assertThat(leg.get("status").asText()).isEqualTo("completed");
        assertThat(leg.get("live").asBoolean()).isFalse();
        assertThat(leg.get("events")).isNotEmpty()
            .allSatisfy(e -> assertThat(e.get("call_sid").asText()).isEqualTo(childSid));
    }

    @Test
    void deletingACallThroughTheCallsApiDeletesItsTimelineAndNotItsLegs() {
        Dialled dialled = dialledAndEnded();
        String callSid = dialled.callSid();
        String childSid = dialled.childSid();
        TimelineStore timelines = parley.parley.store().timelines();
        assertThat(timelines.of(TestParley.ACCOUNT_SID, callSid)).isNotEmpty();

        assertThat(http.delete("/2010-04-01/Accounts/" + TestParley.ACCOUNT_SID + "/Calls/" + callSid + ".json")
            .status()).isEqualTo(204);

        assertThat(timelines.of(TestParley.ACCOUNT_SID, callSid)).isEmpty();
        assertThat(http.get(timeline(callSid)).status()).isEqualTo(404);
        assertThat(timelines.of(TestParley.ACCOUNT_SID, childSid)).isNotEmpty();
        assertThat(http.get(timeline(childSid)).json().get("events")).isNotEmpty();
    }

    @Test
    void waitHoldsTheAnswerUntilTheCallHasEnded() throws Exception {
        parley.app.twiml("/voice", "<Response><Say>Hold on</Say><Pause length=\"30\"/></Response>");
        String callSid;
        CompletableFuture<Http.Response> waiting;
        try (TimeHold hold = TimeHold.freeze(parley.clock)) {
            callSid = call(TestParley.NUMBER);
            hold.until(Duration.ofSeconds(5));
            assertThat(http.get(timeline(callSid)).json().get("live").asBoolean()).isTrue();
            assertThat(http.get(timeline(callSid) + "?Wait=0.2").json().get("live").asBoolean())
                .as("a wait that runs out answers with the call still live").isTrue();

            waiting = http.getLater(timeline(callSid) + "?Wait=20");
        }
        JsonNode ended = waiting.get(TestParley.HANG_GUARD.toSeconds(), TimeUnit.SECONDS).json();

        assertThat(ended.get("live").asBoolean()).isFalse();
        assertThat(ended.get("status").asText()).isEqualTo("completed");
        JsonNode events = ended.get("events");
        assertThat(events.get(events.size() - 1).get("text").asText()).isEqualTo("completed");
    }

    @Test
    void waitAnswersWithTheFinalStatusCallbackAlreadyOnTheTimeline() {
        parley.app.twiml("/voice", "<Response><Say>Hi</Say></Response>");
        parley.app.route("/status", r -> "");
        assertThat(http.post("/parley/v1/PhoneNumbers", "PhoneNumber", "+15550003000", "VoiceUrl",
            parley.app.url("/voice"), "StatusCallback", parley.app.url("/status")).status()).isEqualTo(201);
        String callSid = call("+15550003000");

        JsonNode ended = http.get(timeline(callSid) + "?Wait=20").json();

        assertThat(ended.get("live").asBoolean()).isFalse();
        JsonNode events = ended.get("events");
        assertThat(events.get(events.size() - 1).get("text").asText())
            .startsWith("status completed POST " + parley.app.url("/status") + " -> 200 in ");
    }

    @Test
    void unknownCallsAndBadWaitsAreRefused() {
        Http.Response unknown = http.get(timeline("CA00000000000000000000000000000000"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asInt()).isEqualTo(20404);

        parley.app.twiml("/voice", "<Response><Hangup/></Response>");
        String callSid = call(TestParley.NUMBER);
        assertThat(http.get(timeline(callSid) + "?Wait=601").json().get("message").asText()).contains("Invalid Wait");
        assertThat(http.get(timeline(callSid) + "?Wait=later").json().get("code").asInt()).isEqualTo(20001);
    }

    @Test
    void aMainAccountReadsItsSubaccountsTimelinesButNotTheOtherWayRound() {
        Account sub = parley.parley.directory().createSubaccount(TestParley.ACCOUNT_SID, Optional.of("customer"),
            parley.clock.now());
        Account stranger = parley.parley.directory().createAccount("stranger", parley.clock.now());
        parley.parley.directory().addNumber(sub.sid(), "+15550002000", parley.app.url("/voice"), parley.clock.now());
        parley.app.twiml("/voice", "<Response><Say>Hi</Say></Response>");
        String subCall = call("+15550002000");
        String mainCall = call(TestParley.NUMBER);
        parley.awaitEnded(subCall);
        parley.awaitEnded(mainCall);

        Http asSub = http.as(sub.sid(), sub.authToken());
        Http asStranger = http.as(stranger.sid(), stranger.authToken());
        assertThat(http.get(timeline(subCall)).status()).as("main on its subaccount's call").isEqualTo(200);
        assertThat(asSub.get(timeline(subCall)).status()).as("subaccount on its own call").isEqualTo(200);
        assertThat(asSub.get(timeline(mainCall)).status()).as("subaccount on its owner's call").isEqualTo(404);
        assertThat(asStranger.get(timeline(subCall)).status()).as("another account").isEqualTo(404);
    }
}
