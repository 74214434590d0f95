package dev.parley.sim.conversation;

import static dev.parley.sim.conversation.Frontdesk.ALICE;
import static dev.parley.sim.conversation.Frontdesk.CUSTOMER;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.TwimlSource;
import dev.parley.engine.recording.Recording;
import dev.parley.engine.webhook.Rfc2822;
import dev.parley.sim.Connection;
import dev.parley.sim.Heard;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualNetwork;
import dev.parley.sim.VirtualPhone;
import dev.parley.sim.scenario.Audio;
import dev.parley.sim.scenario.TestApp;
import dev.parley.twiml.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A live update ({@code Url}/{@code Twiml}) of the worker's leg in a {@code <Connect><Conversation>} session, the
 * warm transfer of a Frontline call: once the two are joined the leg leaves the session, which ends
 * {@code session-success} with {@code DialCallStatus=completed} and the bridged time, and the leg runs the new TwiML
 * on its own; while the leg whispers the whisper's document is replaced (the two are joined when it ends); a leg
 * still ringing is not redirected. The update is made {@link #REDIRECT_AFTER} after the customer's call is placed.
 */
class WorkerLegRedirectTest {

    private static final Duration REDIRECT_AFTER = ofSeconds(10);
    private static final String TRANSFERRED = "Transferred to the back office";
    private static final String ALL_EVENTS = "statusCallback=\"/status\" "
        + "statusCallbackEvent=\"call-initiated call-ringing call-answered call-completed\"";

    private static TwimlSource url(Frontdesk f, String path) {
        return TwimlSource.Url.of(f.app.url(path), HttpMethod.POST);
    }

    private static PhoneCall callOf(VirtualPhone phone) {
        return phone.lastCall().orElseThrow();
    }

    private static Heard heard(VirtualPhone phone, String text) {
        List<Heard> matches = phone.heard().stream().filter(h -> h.text().equals(text)).toList();
        assertThat(matches).as("heard \"%s\"", text).hasSize(1);
        return matches.get(0);
    }

    /**
     * Alice owns the customer's conversation and answers after 2 s; the app connects with {@code action="/action"}
     * (whose TwiML says the Result) and these {@code <Conversation>} attributes ({@code {app}} is the app's base URL,
     * for the attributes that must be absolute), and {@code /worker} is the TwiML the
     * worker's leg is sent to: the transfer message, then 20 s on hold.
     */
    private static Frontdesk session(String attributes) {
        Frontdesk f = new Frontdesk();
        f.aliceOwnsTheCustomer();
        f.connectWithAction(attributes.replace("{app}", f.app.url("")));
        f.accepting("/status", "/recording");
        f.app.twiml("/worker", "<Response><Say>" + TRANSFERRED + "</Say><Pause length=\"20\"/></Response>");
        f.phoneOf(ALICE).answerAfter(ofSeconds(2));
        return f;
    }

    /** The customer calls; {@link #REDIRECT_AFTER} later the worker's leg is redirected to {@code path}. */
    private static String callAndRedirectTheLeg(Frontdesk f, String path, AtomicBoolean redirected) {
        return f.callThen(f::customerCalls, REDIRECT_AFTER,
            callSid -> redirected.set(f.engine.redirect(f.leg(callSid).sid(), url(f, path))));
    }

    @Test
    void aConnectedWorkerRedirectedEndsTheSessionSuccessAndHearsTheNewTwimlWhileTheCustomerGoesOn() {
        try (Frontdesk f = session(ALL_EVENTS)) {
            AtomicBoolean redirected = new AtomicBoolean();
            Instant start = f.clock.now();
            Instant redirectAt = start.plus(REDIRECT_AFTER);
            String callSid = callAndRedirectTheLeg(f, "/worker", redirected);

            TestApp.Request action = f.actionOf(callSid, "/action");

            Call leg = f.leg(callSid);
            Call call = f.engine.call(callSid).orElseThrow();
            VirtualPhone alice = f.phoneOf(ALICE);
            Instant bridged = callOf(alice).answeredAt().orElseThrow();
            assertThat(redirected).as("the engine took the update").isTrue();
            assertThat(action.params()).containsEntry("Result", "session-success").containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallSid", leg.sid()).containsEntry("WorkerInitiated", "false")
                .containsEntry("DialCallDuration", String.valueOf(Duration.between(bridged, redirectAt).toSeconds()))
                .containsEntry("CallSid", callSid).containsEntry("CallStatus", "in-progress");
            assertThat(action.param("DialCallDuration")).as("the time bridged, 2.1 s after the call to the update").isEqualTo("7");
            assertThat(action.signatureValid()).isTrue();
            assertThat(f.customer().saidTexts()).as("the action's TwiML continues the customer's call")
                .containsExactly("session-success");
            assertThat(heard(f.customer(), "session-success").at()).isEqualTo(redirectAt);
            assertThat(callOf(f.customer()).connections()).singleElement().satisfies(c -> {
                assertThat(c.from()).isEqualTo(bridged);
                assertThat(c.to()).contains(redirectAt);
            });
            assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);

            assertThat(f.only("/worker").params()).containsEntry("CallSid", leg.sid()).containsEntry("ParentCallSid", callSid)
                .containsEntry("Direction", "outbound-dial").containsEntry("CallStatus", "in-progress")
                .containsEntry("From", CUSTOMER).containsEntry("To", "client:alice");
            assertThat(f.only("/worker").signatureValid()).isTrue();
            assertThat(alice.saidTexts()).containsExactly(TRANSFERRED);
            assertThat(heard(alice, TRANSFERRED).at()).isEqualTo(redirectAt);
            assertThat(leg.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(leg.endTime().orElseThrow()).as("the leg runs its TwiML to its end, after the customer's call")
                .isEqualTo(redirectAt.plus(VirtualNetwork.sayLength(TRANSFERRED)).plusSeconds(20))
                .isAfter(call.endTime().orElseThrow());
            assertThat(callOf(alice).status()).isEqualTo(PhoneCall.Status.HUNG_UP_BY_OTHER);

            List<TestApp.Request> callbacks = f.statusCallbacks("/status", 4);
            assertThat(callbacks).as("each event once, call-completed when the leg left the session")
                .extracting(r -> r.param("Status"))
                .containsExactly("call-initiated", "call-ringing", "call-answered", "call-completed");
            assertThat(callbacks).extracting(r -> r.param("SequenceNumber")).containsExactly("1", "2", "3", "4");
            assertThat(callbacks.get(3).param("Timestamp")).isEqualTo(Rfc2822.format(redirectAt));
            assertThat(callbacks).allSatisfy(r -> {
                assertThat(r.params()).containsEntry("DialCallSid", leg.sid())
                    .containsEntry("CallbackSource", "voice-conversation-service");
                assertThat(r.signatureValid()).isTrue();
            });
            assertThat(f.app.requests()).extracting(TestApp.Request::path)
                .as("every request the app received, the leg's end adding none")
                .containsExactlyInAnyOrder("/voice", "/status", "/status", "/status", "/status", "/worker", "/action");
        }
    }

    @Test
    void aWorkerRedirectedDuringTheWhisperHearsTheNewDocumentAndIsJoinedWhenItEnds() {
        try (Frontdesk f = session("url=\"/whisper\" " + ALL_EVENTS)) {
            f.app.twiml("/whisper", "<Response><Pause length=\"30\"/></Response>");
            f.phoneOf(ALICE).hangupAt(ofSeconds(20));
            AtomicBoolean redirected = new AtomicBoolean();
            Instant redirectAt = f.clock.now().plus(REDIRECT_AFTER);
            f.app.twiml("/screened", "<Response><Say>" + TRANSFERRED + "</Say></Response>");
            String callSid = callAndRedirectTheLeg(f, "/screened", redirected);

            TestApp.Request action = f.actionOf(callSid, "/action");

            Call leg = f.leg(callSid);
            VirtualPhone alice = f.phoneOf(ALICE);
            Instant answered = callOf(alice).answeredAt().orElseThrow();
            Instant joined = redirectAt.plus(VirtualNetwork.sayLength(TRANSFERRED));
            assertThat(redirected).isTrue();
            assertThat(f.only("/whisper").param("CallSid")).isEqualTo(leg.sid());
            assertThat(f.only("/screened").params()).containsEntry("CallSid", leg.sid()).containsEntry("ParentCallSid", callSid)
                .containsEntry("Direction", "outbound-dial").containsEntry("CallStatus", "in-progress");
            assertThat(alice.saidTexts()).as("the whisper's document replaced at once").containsExactly(TRANSFERRED);
            assertThat(heard(alice, TRANSFERRED).at()).isEqualTo(redirectAt);
            assertThat(callOf(f.customer()).connections()).as("joined when the new document ends").extracting(Connection::from)
                .containsExactly(joined);
            assertThat(f.customer().saidTexts()).as("never the whisper").containsExactly("session-success");
            assertThat(action.params()).containsEntry("Result", "session-success").containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallSid", leg.sid())
                .containsEntry("DialCallDuration", String.valueOf(Duration.between(answered, leg.endTime().orElseThrow()).toSeconds()));
            assertThat(leg.endTime()).contains(answered.plusSeconds(20));
            assertThat(f.statusCallbacks("/status", 4)).extracting(r -> r.param("Status"))
                .containsExactly("call-initiated", "call-ringing", "call-answered", "call-completed");
            assertThat(f.app.requests("/status")).hasSize(4);
        }
    }

    @Test
    void aRingingWorkerLegIsNotRedirectedAndTheSessionCarriesOn() {
        try (Frontdesk f = session(ALL_EVENTS)) {
            VirtualPhone alice = f.phoneOf(ALICE).answerAfter(REDIRECT_AFTER.plusSeconds(5)).hangupAt(ofSeconds(3));
            AtomicBoolean redirected = new AtomicBoolean(true);
            String callSid = callAndRedirectTheLeg(f, "/worker", redirected);

            TestApp.Request action = f.actionOf(callSid, "/action");

            Call leg = f.leg(callSid);
            assertThat(redirected).as("redirecting a ringing leg").isFalse();
            assertThat(f.app.requests("/worker")).isEmpty();
            assertThat(alice.saidTexts()).isEmpty();
            assertThat(callOf(f.customer()).connections()).singleElement()
                .satisfies(c -> assertThat(c.from()).isEqualTo(callOf(alice).answeredAt().orElseThrow()));
            assertThat(action.params()).containsEntry("Result", "session-success").containsEntry("DialCallStatus", "completed")
                .containsEntry("DialCallDuration", "3");
            assertThat(leg.status()).isEqualTo(CallStatus.COMPLETED);
            assertThat(f.statusCallbacks("/status", 4)).extracting(r -> r.param("Status"))
                .containsExactly("call-initiated", "call-ringing", "call-answered", "call-completed");
        }
    }

    /**
     * The recording is of the bridge: it stops when the leg leaves it, its callbacks and the action's recording
     * parameters go out then, and what the worker says after the redirect is not in it.
     */
    @Test
    void theSessionsRecordingEndsAtTheRedirect() {
        try (Frontdesk f = session("record=\"record-from-answer-dual\" recordingStatusCallback=\"{app}/recording\"")) {
            VirtualPhone alice = f.phoneOf(ALICE).talk(ofSeconds(4), ofSeconds(2)).talk(ofSeconds(9), ofSeconds(2));
            f.customer().talk(ofSeconds(3), ofSeconds(2));
            AtomicBoolean redirected = new AtomicBoolean();
            Instant redirectAt = f.clock.now().plus(REDIRECT_AFTER);
            String callSid = callAndRedirectTheLeg(f, "/worker", redirected);

            TestApp.Request action = f.actionOf(callSid, "/action");

            Instant bridged = callOf(alice).answeredAt().orElseThrow();
            Duration recorded = Duration.between(bridged, redirectAt);
            Recording recording = f.engine.recordings().recording(action.param("RecordingSid")).orElseThrow();
            Audio audio = Audio.of(recording);
            assertThat(redirected).isTrue();
            assertThat(recording.startTime()).isEqualTo(bridged);
            assertThat(audio.frames()).as("from the bridge to the redirect").isEqualTo(audio.frames(recorded));
            String seconds = String.valueOf(Math.round(recorded.toMillis() / 1000.0));
            assertThat(seconds).as("7.9 s bridged, in whole seconds as recordings round them").isEqualTo("8");
            assertThat(recording.durationSeconds()).isEqualTo(Long.parseLong(seconds));
            assertThat(action.params()).containsEntry("RecordingDuration", seconds)
                .containsEntry("RecordingUrl", "http://127.0.0.1:8080" + recording.path())
                .containsEntry("Result", "session-success");
            assertThat(audio.level(1, ofSeconds(4), ofSeconds(6), alice.toneHz())).as("the worker while bridged")
                .isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(1, ofSeconds(6), recorded)).as("nothing of the worker after the redirect").isTrue();
            assertThat(audio.level(0, Duration.ofMillis(1500), Duration.ofMillis(2500), f.customer().toneHz())).as("the customer while bridged")
                .isCloseTo(0.5, offset(0.01));
            f.await(() -> !f.app.requests("/recording").isEmpty());
            assertThat(f.app.requests("/recording")).singleElement().satisfies(r -> {
                assertThat(r.params()).containsEntry("RecordingStatus", "completed")
                    .containsEntry("RecordingSid", recording.sid()).containsEntry("CallSid", callSid)
                    .containsEntry("RecordingDuration", seconds);
                assertThat(r.signatureValid()).isTrue();
            });
        }
    }
}
