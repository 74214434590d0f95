package dev.parley.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallRequest;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.TwimlSource;
import dev.parley.sim.Heard;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualPhone;
import dev.parley.twiml.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls API update with {@code Url} or {@code Twiml} (a live redirect): whatever verb runs stops at once and the
 * new document runs. A {@code <Dial>} hangs up its dialled legs and still requests its action (whose TwiML is
 * not run); {@code <Gather>} and {@code <Record>} request nothing, and a recording made so far is kept.
 */
class LiveRedirectTest {

    static final String CALLER = "+15557770101";
    static final String HOLD_MUSIC = "http://media.example.com/hold.mp3";
    static final String LONG_TEXT = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        + "fifteen sixteen seventeen eighteen nineteen twenty";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<Say>" + LONG_TEXT + "</Say>", "<Play>" + HOLD_MUSIC + "</Play>", "<Pause length=\"30\"/>"})
    void aRedirectStopsTheVerbAtOnceAndRunsTheNewDocument(String verb) {
        try (Scenario s = new Scenario()) {
            s.network.playLength(HOLD_MUSIC, Duration.ofSeconds(30));
            s.app.twiml("/voice", "<Response>" + verb + "<Say>Never heard</Say></Response>");
            s.app.twiml("/next", "<Response><Say>Redirected</Say></Response>");
            s.numberStatusCallback("/status");
            s.app.route("/status", r -> TestApp.Response.status(204));
            VirtualPhone caller = s.network.phone(CALLER);
            Instant start = s.clock.now();

            String sid = s.callThen(caller, Duration.ofSeconds(3), callSid -> s.engine.redirect(callSid, url(s, "/next")));
            Call call = s.awaitEnded(sid);
            s.await(() -> s.app.requests("/status").size() == 1);

            assertThat(caller.saidTexts()).endsWith("Redirected").doesNotContain("Never heard");
            assertThat(heard(caller, "Redirected").at()).as("the verb stops at the update").isEqualTo(start.plusSeconds(3));
            assertThat(s.app.requests("/next")).singleElement().satisfies(r -> {
                assertThat(r.param("CallStatus")).isEqualTo("in-progress");
                assertThat(r.param("CallSid")).isEqualTo(sid);
                assertThat(r.signatureValid()).isTrue();
            });
            assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(s.app.requests("/status")).singleElement()
                .satisfies(r -> assertThat(r.param("CallStatus")).isEqualTo("completed"));
        }
    }

    @Test
    void aRedirectDuringGatherRequestsNoActionWithTheDigitsSoFar() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Gather numDigits=\"4\" timeout=\"10\" action=\"/gathered\">"
                + "<Say>Enter your PIN</Say></Gather><Say>Never heard</Say></Response>");
            s.app.twiml("/gathered", "<Response><Say>Gathered</Say></Response>");
            s.app.twiml("/next", "<Response><Say>Redirected</Say></Response>");
            VirtualPhone caller = s.network.phone(CALLER).pressDigitsAt(Duration.ofSeconds(2), "12");

            String sid = s.callThen(caller, Duration.ofSeconds(5), callSid -> s.engine.redirect(callSid, url(s, "/next")));
            s.awaitEnded(sid);

            assertThat(s.app.requests("/gathered")).isEmpty();
            assertThat(s.app.requests("/next")).singleElement().satisfies(r -> assertThat(r.params()).doesNotContainKey("Digits"));
            assertThat(caller.saidTexts()).containsExactly("Enter your PIN", "Redirected");
        }
    }

    @Test
    void aRedirectDuringRecordKeepsTheRecordingAndRequestsNoAction() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Record action=\"/recorded\" maxLength=\"60\" playBeep=\"false\" "
                + "recordingStatusCallback=\"/recording-status\"/><Say>Never heard</Say></Response>");
            s.app.twiml("/recorded", "<Response><Say>Recorded</Say></Response>");
            s.app.route("/recording-status", r -> TestApp.Response.status(204));
            s.app.twiml("/next", "<Response><Say>Redirected</Say></Response>");
            VirtualPhone caller = s.network.phone(CALLER).talk(Duration.ofSeconds(1), Duration.ofSeconds(3));

            String sid = s.callThen(caller, Duration.ofSeconds(6), callSid -> s.engine.redirect(callSid, url(s, "/next")));
            s.awaitEnded(sid);
            s.await(() -> s.app.requests("/recording-status").size() == 1);

            assertThat(s.app.requests("/recorded")).isEmpty();
            assertThat(caller.saidTexts()).containsExactly("Redirected");
            assertThat(s.engine.recordings().ofCall(sid)).singleElement().satisfies(recording -> {
                assertThat(recording.durationSeconds()).isEqualTo(3);
                assertThat(s.app.requests("/recording-status").get(0).param("RecordingSid")).isEqualTo(recording.sid());
            });
            assertThat(s.app.requests("/recording-status").get(0).param("RecordingStatus")).isEqualTo("completed");
        }
    }

    @Test
    void aRedirectWhileTheDialRingsCancelsTheDialledLegAndStillRequestsTheAction() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Dial action=\"/dialed\" timeout=\"30\"><Number>+15558880101</Number></Dial>"
                + "<Say>Never heard</Say></Response>");
            s.app.twiml("/dialed", "<Response><Say>Not run</Say></Response>");
            s.app.twiml("/next", "<Response><Say>Redirected</Say></Response>");
            VirtualPhone callee = s.network.phone("+15558880101").ringForever();
            VirtualPhone caller = s.network.phone(CALLER);

            String sid = s.callThen(caller, Duration.ofSeconds(5), callSid -> s.engine.redirect(callSid, url(s, "/next")));
            s.awaitEnded(sid);

            TestApp.Request action = s.app.requests("/dialed").get(0);
            assertThat(s.app.requests("/dialed")).hasSize(1);
            assertThat(action.param("DialCallStatus")).isEqualTo("canceled");
            assertThat(action.param("CallStatus")).isEqualTo("in-progress");
            Call child = s.engine.call(action.param("DialCallSid")).orElseThrow();
            assertThat(child.status()).isEqualTo(CallStatus.CANCELED);
            assertThat(callee.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.CANCELED);
            assertThat(caller.saidTexts()).containsExactly("Redirected");
            assertThat(s.app.requests()).extracting(TestApp.Request::path).containsSubsequence("/dialed", "/next");
        }
    }

    @Test
    void aRedirectOfABridgedCallHangsUpTheDialledPartyAndReportsACompletedDial() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Dial action=\"/dialed\"><Number>+15558880102</Number></Dial></Response>");
            s.app.twiml("/dialed", "<Response><Say>Not run</Say></Response>");
            s.app.twiml("/next", "<Response><Say>Back with the app</Say></Response>");
            VirtualPhone callee = s.network.phone("+15558880102").answerAfter(Duration.ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER);
            Instant start = s.clock.now();

            String sid = s.callThen(caller, Duration.ofSeconds(10), callSid -> s.engine.redirect(callSid, url(s, "/next")));
            Call call = s.awaitEnded(sid);

            TestApp.Request action = s.app.requests("/dialed").get(0);
            assertThat(action.param("DialCallStatus")).isEqualTo("completed");
            assertThat(action.param("DialCallDuration")).isEqualTo("8");
            Call child = s.engine.call(action.param("DialCallSid")).orElseThrow();
            assertThat(child.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(child.endTime()).contains(start.plusSeconds(10));
            assertThat(callee.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
            assertThat(caller.saidTexts()).containsExactly("Back with the app");
            assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
        }
    }

    @Test
    void aRedirectWithInlineTwimlRunsIt() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Pause length=\"20\"/></Response>");
            VirtualPhone caller = s.network.phone(CALLER);

            String sid = s.callThen(caller, Duration.ofSeconds(2), callSid -> s.engine.redirect(callSid,
                    new TwimlSource.Inline("<Response><Say>Inline words</Say><Hangup/></Response>")));
            s.awaitEnded(sid);

            assertThat(caller.saidTexts()).containsExactly("Inline words");
            assertThat(s.app.requests()).extracting(TestApp.Request::path).containsExactly("/voice");
        }
    }

    @Test
    void aRedirectBeforeAnApiCallIsAnsweredIsWhatRunsOnAnswer() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/outbound", "<Response><Say>Original</Say></Response>");
            s.app.twiml("/next", "<Response><Say>Updated</Say></Response>");
            VirtualPhone callee = s.network.phone("+15558880103").answerAfter(Duration.ofSeconds(5));

            Call call = s.frozen(() -> {
                Call created = s.engine.create(CallRequest.of(s.account.sid(), "+15558880103", Scenario.NUMBER,
                    s.app.url("/outbound")));
                s.after(Duration.ofSeconds(2), () -> s.engine.redirect(created.sid(), url(s, "/next")));
                return created;
            });
            s.awaitEnded(call.sid());

            assertThat(callee.saidTexts()).containsExactly("Updated");
            assertThat(s.app.requests()).extracting(TestApp.Request::path).containsExactly("/next");
        }
    }

    @Test
    void aCallThatHasEndedCannotBeUpdated() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Say>Short</Say></Response>");
            String sid = s.network.phone(CALLER).call(Scenario.NUMBER).orElseThrow();
            s.awaitEnded(sid);

            assertThat(s.engine.redirect(sid, url(s, "/next"))).isFalse();
            assertThat(s.engine.end(sid, CallStatus.COMPLETED)).isFalse();
            assertThat(s.engine.redirect("CA00000000000000000000000000000000", url(s, "/next"))).isFalse();
        }
    }

    static TwimlSource url(Scenario s, String path) {
        return TwimlSource.Url.of(s.app.url(path), HttpMethod.POST);
    }

    static Heard heard(VirtualPhone phone, String text) {
        List<Heard> matches = phone.heard().stream().filter(h -> h.text().equals(text)).toList();
        assertThat(matches).as("heard \"%s\"", text).hasSize(1);
        return matches.get(0);
    }
}
