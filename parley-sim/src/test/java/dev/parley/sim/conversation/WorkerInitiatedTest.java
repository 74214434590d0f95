package dev.parley.sim.conversation;

import static dev.parley.sim.conversation.Frontdesk.ALICE;
import static dev.parley.sim.conversation.Frontdesk.COMPANY;
import static dev.parley.sim.conversation.Frontdesk.CUSTOMER;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.parley.engine.call.Call;
import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.ConversationParams;
import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.ConversationState;
import dev.parley.engine.conversation.ParticipantParams;
import dev.parley.engine.recording.Recording;
import dev.parley.sim.VirtualPhone;
import dev.parley.sim.scenario.Audio;
import dev.parley.sim.scenario.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worker-initiated calls (DESIGN.md decision 3): a worker's call from the Frontline app ({@code client:<identity>})
 * whose webhook carries {@code ConversationSid}; Parley dials the conversation's customer from the proxy address,
 * and every request of the session says {@code WorkerInitiated=true}. A missing or unknown SID ends with
 * {@code invalid-conversation}.
 */
class WorkerInitiatedTest {

    private static void conversationCalled(Frontdesk f) {
        f.connectWithAction("statusCallback=\"/status\"");
        f.accepting("/status");
    }

    @Test
    void theCustomerIsDialledFromTheProxyAddressAndTheSessionIsWorkerInitiated() {
        try (Frontdesk f = new Frontdesk()) {
            Conversation conversation = f.aliceOwnsTheCustomer();
            conversationCalled(f);
            VirtualPhone customer = f.customer().answerAfter(ofSeconds(3)).hangupAt(ofSeconds(20));
            String callSid = f.workerCalls(ALICE, conversation.sid());

            TestApp.Request action = f.actionOf(callSid, "/action");

            Call leg = f.leg(callSid);
            assertThat(leg.to()).isEqualTo(CUSTOMER);
            assertThat(leg.from()).as("the customer sees the number they know").isEqualTo(COMPANY);
            assertThat(customer.lastCall().orElseThrow().peer()).isEqualTo(COMPANY);
            assertThat(f.only("/voice").params()).containsEntry("From", "client:alice")
                .containsEntry("ConversationSid", conversation.sid());
            assertThat(action.params()).containsEntry("Result", "session-success").containsEntry("WorkerInitiated", "true")
                .containsEntry("DialCallStatus", "completed").containsEntry("DialCallSid", leg.sid())
                .containsEntry("DialCallDuration", "20").containsEntry("From", "client:alice");
            assertThat(f.only("/status").params()).containsEntry("WorkerInitiated", "true")
                .containsEntry("ConversationSid", conversation.sid()).containsEntry("DialCallSid", leg.sid());
            assertThat(f.phoneOf(ALICE).saidTexts()).containsExactly("session-success");
        }
    }

    @Test
    void aCustomerWhoIsBusyEndsTheSessionDialedCallIncomplete() {
        try (Frontdesk f = new Frontdesk()) {
            Conversation conversation = f.aliceOwnsTheCustomer();
            conversationCalled(f);
            f.customer().busy();
            String callSid = f.workerCalls(ALICE, conversation.sid());

            assertThat(f.actionOf(callSid, "/action").params()).containsEntry("Result", "dialed-call-incomplete")
                .containsEntry("DialCallStatus", "busy").containsEntry("WorkerInitiated", "true");
        }
    }

    @Test
    void withoutConversationSidTheConversationIsInvalid() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            conversationCalled(f);
            String callSid = f.phoneOf(ALICE).call(COMPANY).orElseThrow();

            assertThat(f.actionOf(callSid, "/action").params()).containsEntry("Result", "invalid-conversation")
                .containsEntry("WorkerInitiated", "true").doesNotContainKey("DialCallSid");
            assertThat(f.dialled(callSid)).isEmpty();
            assertThat(f.app.requests("/status")).isEmpty();
        }
    }

    @Test
    void aConversationSidThatIsNoConversationSidIsInvalid() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            conversationCalled(f);
            String callSid = f.workerCalls(ALICE, "not-a-sid");

            assertThat(f.actionOf(callSid, "/action").param("Result")).isEqualTo("invalid-conversation");
        }
    }

    @Test
    void aConversationOfAnotherServiceIsInvalid() {
        try (Frontdesk f = new Frontdesk()) {
            f.worker(ALICE);
            ConversationService other = f.frontline.services().create(f.account.sid(), "Another service");
            Conversation elsewhere = f.frontline.conversations().create(f.account.sid(), other.sid(), ConversationParams.NONE);
            f.frontline.participants().add(f.account.sid(), other.sid(), elsewhere.sid(), ParticipantParams.customer(CUSTOMER, COMPANY));
            conversationCalled(f);
            String callSid = f.workerCalls(ALICE, elsewhere.sid());

            assertThat(f.actionOf(callSid, "/action").param("Result")).isEqualTo("invalid-conversation");
        }
    }

    @Test
    void aClosedConversationIsInvalid() {
        try (Frontdesk f = new Frontdesk()) {
            Conversation conversation = f.aliceOwnsTheCustomer();
            f.frontline.conversations().update(f.account.sid(), f.service.sid(), conversation.sid(),
                ConversationParams.builder().state(ConversationState.CLOSED).build());
            conversationCalled(f);
            String callSid = f.workerCalls(ALICE, conversation.sid());

            assertThat(f.actionOf(callSid, "/action").param("Result")).isEqualTo("invalid-conversation");
            assertThat(f.customer().calls()).isEmpty();
        }
    }

    @Test
    void anInactiveConversationBecomesActiveAndItsCustomerIsDialled() {
        try (Frontdesk f = new Frontdesk()) {
            Conversation conversation = f.aliceOwnsTheCustomer();
            f.frontline.conversations().update(f.account.sid(), f.service.sid(), conversation.sid(),
                ConversationParams.builder().state(ConversationState.INACTIVE).build());
            conversationCalled(f);
            f.customer().answerAfter(ofSeconds(1)).hangupAt(ofSeconds(2));
            String callSid = f.workerCalls(ALICE, conversation.sid());

            assertThat(f.actionOf(callSid, "/action").param("Result")).isEqualTo("session-success");
            assertThat(f.frontline.conversations().fetch(f.account.sid(), f.service.sid(), conversation.sid()).state())
                .isEqualTo(ConversationState.ACTIVE);
        }
    }

    @Test
    void aConversationWithTwoCustomersToDialIsAnInternalError32505() {
        try (Frontdesk f = new Frontdesk()) {
            Conversation conversation = f.aliceOwnsTheCustomer();
            f.frontline.participants().add(f.account.sid(), f.service.sid(), conversation.sid(),
                ParticipantParams.customer("+15551230002", COMPANY));
            conversationCalled(f);
            String callSid = f.workerCalls(ALICE, conversation.sid());

            assertThat(f.actionOf(callSid, "/action").params()).containsEntry("Result", "internal-error")
                .containsEntry("WorkerInitiated", "true");
            assertThat(f.alertCodes(callSid)).containsExactly(32505);
        }
    }

    @Test
    void aDualRecordingPutsTheWorkerWhoCalledInTheFirstChannel() {
        try (Frontdesk f = new Frontdesk()) {
            Conversation conversation = f.aliceOwnsTheCustomer();
            f.connectWithAction("record=\"record-from-answer-dual\" trim=\"trim-silence\"");
            VirtualPhone customer = f.customer().answerAfter(ofSeconds(1)).talk(ofSeconds(3), ofSeconds(1));
            VirtualPhone alice = f.phoneOf(ALICE).talk(ofMillis(2100), ofSeconds(1)).hangupAt(ofSeconds(6));
            String callSid = alice.call(COMPANY, Map.of("ConversationSid", conversation.sid())).orElseThrow();

            TestApp.Request action = f.actionOf(callSid, "/action");

            Recording recording = f.engine.recordings().recording(action.param("RecordingSid")).orElseThrow();
            Audio audio = Audio.of(recording);
            assertThat(recording.channels()).isEqualTo(2);
            assertThat(audio.frames()).as("the worker's first word to the customer's last: 3 s").isEqualTo(3 * 8000);
            assertThat(audio.level(0, ofSeconds(0), ofSeconds(1), alice.toneHz())).isCloseTo(0.5, offset(0.01));
            assertThat(audio.silent(1, ofSeconds(0), ofSeconds(2))).isTrue();
            assertThat(audio.level(1, ofSeconds(2), ofSeconds(3), customer.toneHz())).isCloseTo(0.5, offset(0.01));
        }
    }
}
