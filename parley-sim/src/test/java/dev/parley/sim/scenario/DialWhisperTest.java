package dev.parley.sim.scenario;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallStatus;
import dev.parley.sim.Connection;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code <Dial><Number url>} (and {@code <Client url>}): the whisper document runs on the dialled leg after it
 * answers and before the caller is connected; how its end decides the Dial.
 */
class DialWhisperTest {

    private static final String CALLER = "+15557772000";
    private static final String CALLEE = "+15558882000";
    private static final String WHISPER_TEXT = "Call from a customer";
    /** A whisper that asks the called party to press 1 and hangs up without it. */
    private static final String SCREEN = "<Response><Gather numDigits=\"1\" action=\"/accept\" timeout=\"3\">"
        + "<Say>Press 1 to accept</Say></Gather><Hangup/></Response>";

    /** The caller's document dials {@code nouns}; the action says the DialCallStatus and hangs up. */
    private static void dialing(Scenario s, String nouns) {
        s.app.twiml("/voice", "<Response><Dial action=\"/dialed\">" + nouns + "</Dial></Response>");
        s.app.route("/dialed", r -> TestApp.Response.twiml(
            "<Response><Say>Dial " + r.param("DialCallStatus") + "</Say></Response>"));
    }

    private static PhoneCall callOf(VirtualPhone phone) {
        return phone.lastCall().orElseThrow();
    }

    @Test
    void theCalledPartyHearsTheWhisperAndOnlyThenIsConnectedToTheCaller() {
        try (Scenario s = new Scenario()) {
            dialing(s, "<Number url=\"/whisper\">" + CALLEE + "</Number>");
            s.app.twiml("/whisper", "<Response><Say>" + WHISPER_TEXT + "</Say></Response>");
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(2));
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(30));
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);
            s.await(() -> s.app.requests("/dialed").size() == 1);

            Instant answered = callOf(callee).answeredAt().orElseThrow();
            Instant whisperEnds = answered.plus(VirtualNetwork.sayLength(WHISPER_TEXT));
            assertThat(callee.saidTexts()).containsExactly(WHISPER_TEXT);
            assertThat(caller.saidTexts()).as("the caller never hears the whisper").isEmpty();
            assertThat(callOf(caller).connections()).extracting(Connection::from).containsExactly(whisperEnds);
            assertThat(callOf(callee).heard().get(0).at()).isEqualTo(answered);

            TestApp.Request action = s.app.requests("/dialed").get(0);
            String childSid = action.param("DialCallSid");
            assertThat(action.param("DialCallStatus")).isEqualTo("completed");
            TestApp.Request whisper = s.app.requests("/whisper").get(0);
            assertThat(whisper.params()).containsEntry("CallSid", childSid).containsEntry("ParentCallSid", callSid)
                .containsEntry("Direction", "outbound-dial").containsEntry("CallStatus", "in-progress")
                .containsEntry("From", CALLER).containsEntry("To", CALLEE).containsEntry("AccountSid", s.account.sid())
                .containsEntry("ApiVersion", "2010-04-01");
            assertThat(whisper.signatureValid()).isTrue();
            assertThat(whisper.method()).isEqualTo("POST");
            assertThat(s.engine.call(childSid).orElseThrow().status()).isEqualTo(CallStatus.COMPLETED);
        }
    }

    @Test
    void aWhisperThatHangsUpLeavesTheCallerUnconnectedAndTheDialNoAnswer() {
        try (Scenario s = new Scenario()) {
            dialing(s, "<Number url=\"/screen\" method=\"GET\">" + CALLEE + "</Number>");
            s.app.twiml("/screen", SCREEN);
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER);
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            Call call = s.awaitEnded(callSid);

            assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
            TestApp.Request action = s.app.requests("/dialed").get(0);
            assertThat(action.param("DialCallStatus")).isEqualTo("no-answer");
            Call child = s.engine.call(action.param("DialCallSid")).orElseThrow();
            assertThat(child.status()).as("answered, then hung up by the whisper").isEqualTo(CallStatus.COMPLETED);
            assertThat(child.parentCallSid()).contains(callSid);
            assertThat(callOf(callee).status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
            assertThat(callOf(caller).connections()).isEmpty();
            assertThat(caller.saidTexts()).containsExactly("Dial no-answer");
            assertThat(s.app.requests("/screen").get(0).method()).isEqualTo("GET");
            assertThat(s.app.requests("/accept")).isEmpty();
        }
    }

    @Test
    void aWhisperGatherThatTheCalledPartyAnswersConnectsTheCall() {
        try (Scenario s = new Scenario()) {
            dialing(s, "<Number url=\"/screen\">" + CALLEE + "</Number>");
            s.app.twiml("/screen", SCREEN);
            s.app.twiml("/accept", "<Response><Say>Connecting</Say></Response>");
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(1)).pressDigitsAt(ofSeconds(1), "1");
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(20));
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);
            s.await(() -> s.app.requests("/dialed").size() == 1);

            TestApp.Request accept = s.app.requests("/accept").get(0);
            String childSid = s.app.requests("/dialed").get(0).param("DialCallSid");
            assertThat(accept.params()).containsEntry("Digits", "1").containsEntry("CallSid", childSid)
                .containsEntry("ParentCallSid", callSid);
            assertThat(callee.saidTexts()).containsExactly("Press 1 to accept", "Connecting");
            assertThat(s.app.requests("/dialed").get(0).param("DialCallStatus")).isEqualTo("completed");
            Instant answered = callOf(callee).answeredAt().orElseThrow();
            assertThat(callOf(caller).connections()).extracting(Connection::from)
                .containsExactly(answered.plusSeconds(1).plus(VirtualNetwork.sayLength("Connecting")));
        }
    }

    @Test
    void aCalledPartyThatHangsUpDuringTheWhisperLeavesTheDialNoAnswer() {
        try (Scenario s = new Scenario()) {
            dialing(s, "<Client url=\"/whisper\">alice</Client>");
            s.app.twiml("/whisper", "<Response><Pause length=\"10\"/></Response>");
            VirtualPhone alice = s.network.phone("client:alice").answerAfter(ofSeconds(1)).hangupAt(ofSeconds(2));
            VirtualPhone caller = s.network.phone(CALLER);
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);

            TestApp.Request action = s.app.requests("/dialed").get(0);
            assertThat(action.param("DialCallStatus")).isEqualTo("no-answer");
            assertThat(s.engine.call(action.param("DialCallSid")).orElseThrow().status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(callOf(alice).status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_ME);
            assertThat(callOf(caller).connections()).isEmpty();
            assertThat(s.app.requests("/whisper").get(0).param("To")).isEqualTo("client:alice");
        }
    }

    @Test
    void aDialInAWhisperIsRefusedWith13201AndTheCalledLegIsHungUp() {
        try (Scenario s = new Scenario()) {
            dialing(s, "<Number url=\"/whisper\">" + CALLEE + "</Number>");
            s.app.twiml("/whisper", "<Response><Dial>+15558882999</Dial><Say>never</Say></Response>");
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(1));
            s.network.phone("+15558882999");
            VirtualPhone caller = s.network.phone(CALLER);
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);

            TestApp.Request action = s.app.requests("/dialed").get(0);
            assertThat(action.param("DialCallStatus")).isEqualTo("no-answer");
            assertThat(s.engine.alertsOf(action.param("DialCallSid"))).extracting(a -> a.errorCode()).containsExactly(13201);
            assertThat(s.network.phone("+15558882999").calls()).isEmpty();
            assertThat(callee.saidTexts()).isEmpty();
            assertThat(callOf(callee).status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
        }
    }

    @Test
    void otherLegsRingOnDuringAWhisperAndTheFirstWhisperToFinishWins() {
        try (Scenario s = new Scenario()) {
            dialing(s, "<Number url=\"/slow\">+15558882001</Number><Number url=\"/quick\">+15558882002</Number>"
                + "<Number>+15558882003</Number>");
            s.app.twiml("/slow", "<Response><Pause length=\"10\"/></Response>");
            s.app.twiml("/quick", "<Response><Say>Hi</Say></Response>");
            VirtualPhone slow = s.network.phone("+15558882001").answerAfter(ofSeconds(1));
            VirtualPhone quick = s.network.phone("+15558882002").answerAfter(ofSeconds(3));
            VirtualPhone never = s.network.phone("+15558882003").ringForever();
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(20));
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);
            s.await(() -> s.app.requests("/dialed").size() == 1);

            assertThat(callOf(caller).connections()).extracting(Connection::peer).containsExactly("+15558882002");
            assertThat(callOf(slow).status()).as("answered and whispering when the other won").isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
            assertThat(callOf(slow).connections()).isEmpty();
            assertThat(callOf(never).status()).isEqualTo(PhoneCall.Status.CANCELED);
            Instant won = callOf(quick).answeredAt().orElseThrow().plus(VirtualNetwork.sayLength("Hi"));
            assertThat(callOf(slow).endedAt()).contains(won);
            assertThat(s.app.requests("/dialed").get(0).params()).containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallSid", callOf(quick).callSid());
        }
    }

    @Test
    void theRingTimeoutEndsTheLegsStillRingingButNotAWhisperUnderWay() {
        try (Scenario s = new Scenario()) {
            s.app.twiml("/voice", "<Response><Dial action=\"/dialed\" timeout=\"5\"><Number url=\"/whisper\">"
                + "+15558882001</Number><Number>+15558882002</Number></Dial></Response>");
            s.app.twiml("/dialed", "<Response><Hangup/></Response>");
            s.app.twiml("/whisper", "<Response><Pause length=\"10\"/></Response>");
            VirtualPhone whispered = s.network.phone("+15558882001").answerAfter(ofSeconds(1));
            VirtualPhone ringing = s.network.phone("+15558882002").ringForever();
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(30));
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);
            s.await(() -> s.app.requests("/dialed").size() == 1);

            Instant dialled = callOf(caller).answeredAt().orElseThrow();
            assertThat(callOf(ringing).status()).isEqualTo(PhoneCall.Status.CANCELED);
            assertThat(callOf(ringing).endedAt()).contains(dialled.plusSeconds(5));
            assertThat(callOf(caller).connections()).extracting(Connection::from)
                .containsExactly(callOf(whispered).answeredAt().orElseThrow().plusSeconds(10));
            assertThat(s.app.requests("/dialed").get(0).param("DialCallStatus")).isEqualTo("completed");
        }
    }

    @Test
    void aCallerWhoHangsUpDuringTheWhisperEndsTheCalledLegToo() {
        try (Scenario s = new Scenario()) {
            dialing(s, "<Number url=\"/whisper\">" + CALLEE + "</Number>");
            s.app.twiml("/whisper", "<Response><Pause length=\"30\"/></Response>");
            VirtualPhone callee = s.network.phone(CALLEE).answerAfter(ofSeconds(1));
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(5));
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);
            s.await(() -> s.app.requests("/dialed").size() == 1);

            assertThat(callOf(callee).status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);
            assertThat(callOf(callee).endedAt()).isEqualTo(callOf(caller).endedAt());
            TestApp.Request action = s.app.requests("/dialed").get(0);
            assertThat(action.param("DialCallStatus")).isEqualTo("canceled");
            assertThat(s.engine.call(action.param("DialCallSid")).orElseThrow().status()).isEqualTo(CallStatus.COMPLETED);
        }
    }

    /** The hang-up cuts the whisper's speech short: its document ends, yet the called party is gone. */
    @Test
    void aCalledPartyWhoHangsUpWhileTheWhisperSpeaksIsNeverConnected() {
        try (Scenario s = new Scenario()) {
            dialing(s, "<Number url=\"/whisper\">" + CALLEE + "</Number>");
            s.app.twiml("/whisper", "<Response><Say>" + WHISPER_TEXT + "</Say></Response>");
            s.network.phone(CALLEE).answerAfter(ofSeconds(1)).hangupAt(java.time.Duration.ofMillis(500));
            VirtualPhone caller = s.network.phone(CALLER).hangupAt(ofSeconds(60));
            String callSid = caller.call(Scenario.NUMBER).orElseThrow();

            s.awaitEnded(callSid);

            assertThat(s.app.requests("/dialed").get(0).param("DialCallStatus")).isEqualTo("no-answer");
            assertThat(callOf(caller).connections()).isEmpty();
            assertThat(caller.saidTexts()).containsExactly("Dial no-answer");
        }
    }
}
