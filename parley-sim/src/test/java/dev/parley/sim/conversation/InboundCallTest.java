package dev.parley.sim.conversation;

import static dev.parley.sim.conversation.Frontdesk.ALICE;
import static dev.parley.sim.conversation.Frontdesk.BOB;
import static dev.parley.sim.conversation.Frontdesk.COMPANY;
import static dev.parley.sim.conversation.Frontdesk.CUSTOMER;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.ConversationParams;
import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.ConversationState;
import dev.parley.engine.conversation.Participant;
import dev.parley.engine.conversation.ParticipantConversation;
import dev.parley.engine.conversation.ParticipantParams;
import dev.parley.engine.conversation.Routing;
import dev.parley.engine.conversation.WorkerParams;
import dev.parley.sim.scenario.TestApp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A customer's call: the lookup of their conversation by caller ({@code From}) and number called ({@code To}) in
 * {@code serviceInstanceSid} (decision 5), {@code inboundAutocreation}, and {@code routingAssignmentTimeout} while
 * routing (none, pool, custom) finds a worker for a new conversation.
 */
class InboundCallTest {

    private static final String SECOND_NUMBER = "+15559990002";

    private static Instant answeredAt(Frontdesk f) {
        return f.customer().lastCall().orElseThrow().answeredAt().orElseThrow();
    }

    private static List<ParticipantConversation> conversationsOf(Frontdesk f, String address) {
        return f.frontline.participants().ofAddress(f.account.sid(), f.service.sid(), address);
    }

    @Test
    void theConversationIsTheOneBetweenTheCallerAndTheNumberCalled() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.worker(BOB);
            Conversation withSecondNumber = f.frontline.conversations().create(f.account.sid(), f.service.sid(), ConversationParams.NONE);
            f.frontline.participants().add(f.account.sid(), f.service.sid(), withSecondNumber.sid(),
                ParticipantParams.customer(CUSTOMER, SECOND_NUMBER));
            f.frontline.participants().add(f.account.sid(), f.service.sid(), withSecondNumber.sid(), ParticipantParams.chat(BOB));
            f.directory.addNumber(f.account.sid(), SECOND_NUMBER, f.app.url("/voice"), f.clock.now());
            f.connect("", "statusCallback=\"/status\"");
            f.accepting("/status");
            f.phoneOf(BOB).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(2));
            String callSid = f.customer().call(SECOND_NUMBER).orElseThrow();

            f.awaitEnded(callSid);

            assertThat(f.leg(callSid).to()).isEqualTo("client:bob");
            assertThat(f.phoneOf(ALICE).calls()).isEmpty();
            assertThat(f.only("/status").param("ConversationSid")).isEqualTo(withSecondNumber.sid());
        }
    }

    @Test
    void anInactiveConversationMatchesAndBecomesActive() {
        try (Frontdesk f = new Frontdesk()) {
            Conversation conversation = f.aliceOwnsTheCustomer();
            f.frontline.conversations().update(f.account.sid(), f.service.sid(), conversation.sid(),
                ConversationParams.builder().state(ConversationState.INACTIVE).build());
            f.connectWithAction("");
            f.phoneOf(ALICE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(2));
            String callSid = f.customerCalls();

            assertThat(f.actionOf(callSid, "/action").param("Result")).isEqualTo("session-success");
            assertThat(f.frontline.conversations().fetch(f.account.sid(), f.service.sid(), conversation.sid()).state())
                .isEqualTo(ConversationState.ACTIVE);
        }
    }

    @Test
    void aClosedConversationNeverMatchesSoANewOneIsMade() {
        try (Frontdesk f = new Frontdesk()) {
            Conversation closed = f.aliceOwnsTheCustomer();
            f.frontline.conversations().update(f.account.sid(), f.service.sid(), closed.sid(),
                ConversationParams.builder().state(ConversationState.CLOSED).build());
            f.routing(Routing.pool());
            f.connect("", "statusCallback=\"/status\"");
            f.accepting("/status");
            f.phoneOf(ALICE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(2));
            String callSid = f.customerCalls();

            f.awaitEnded(callSid);

            String used = f.only("/status").param("ConversationSid");
            assertThat(used).startsWith("CH").isNotEqualTo(closed.sid());
            assertThat(conversationsOf(f, CUSTOMER)).extracting(pc -> pc.conversation().sid())
                .containsExactlyInAnyOrder(closed.sid(), used);
        }
    }

    @Test
    void inboundAutocreationMakesAConversationWithTheCallerAsCustomer() {
        try (Frontdesk f = new Frontdesk()) {
            f.connectWithAction("inboundAutocreation=\"true\" routingAssignmentTimeout=\"1\"");
            String callSid = f.customerCalls();

            f.actionOf(callSid, "/action");

            List<ParticipantConversation> made = conversationsOf(f, CUSTOMER);
            assertThat(made).hasSize(1);
            List<Participant> participants = f.frontline.participants().list(f.account.sid(), f.service.sid(),
                made.get(0).conversation().sid());
            assertThat(participants).singleElement().satisfies(p -> {
                assertThat(p.address()).contains(CUSTOMER);
                assertThat(p.proxyAddress()).contains(COMPANY);
                assertThat(p.identity()).isEmpty();
            });
        }
    }

    @Test
    void routingAssignmentTimeoutDefaultsToFiveSeconds() {
        try (Frontdesk f = new Frontdesk()) {
            f.connectWithAction("");
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.param("Result")).isEqualTo("no-other-participants");
            assertThat(f.customer().lastCall().orElseThrow().heard().get(0).at()).isEqualTo(answeredAt(f).plusSeconds(5));
        }
    }

    @Test
    void poolRoutingGivesTheNewConversationToAnAvailableWorkerWhoIsDialledAtOnce() {
        try (Frontdesk f = new Frontdesk()) {
            f.worker(ALICE);
            f.routing(Routing.pool());
            f.connectWithAction("");
            f.phoneOf(ALICE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(2));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            Call leg = f.leg(callSid);
            assertThat(action.param("Result")).isEqualTo("session-success");
            assertThat(leg.to()).isEqualTo("client:alice");
            assertThat(leg.dateCreated()).isEqualTo(answeredAt(f));
        }
    }

    @Test
    void poolRoutingWithNobodyAvailableEndsWithNoOtherParticipants() {
        try (Frontdesk f = new Frontdesk()) {
            f.frontline.workers().create(f.account.sid(), ALICE, WorkerParams.NONE.withAvailable(false));
            f.routing(Routing.pool());
            f.connectWithAction("routingAssignmentTimeout=\"2\"");
            String callSid = f.customerCalls();

            assertThat(f.actionOf(callSid, "/action").param("Result")).isEqualTo("no-other-participants");
            assertThat(f.engine.alertsOf(callSid)).singleElement().satisfies(alert -> {
                assertThat(alert.errorCode()).isEqualTo(32506);
                assertThat(alert.alertText()).contains("pool routing: no available worker");
            });
        }
    }

    @Test
    void customRoutingThatAddsTheWorkerBeforeAnsweringIsSeenAtOnce() {
        try (Frontdesk f = new Frontdesk()) {
            f.worker(ALICE);
            f.routing(Routing.custom(f.app.url("/routing")));
            f.app.route("/routing", r -> {
                f.frontline.participants().add(r.param("AccountSid"), r.param("ChatServiceSid"), r.param("ConversationSid"),
                    ParticipantParams.chat(ALICE));
                return TestApp.Response.status(200);
            });
            f.connectWithAction("");
            f.phoneOf(ALICE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(2));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            TestApp.Request routing = f.only("/routing");
            assertThat(routing.params()).containsEntry("AccountSid", f.account.sid())
                .containsEntry("ChatServiceSid", f.service.sid()).containsEntry("MessagingBinding.Address", CUSTOMER)
                .containsEntry("MessagingBinding.ProxyAddress", COMPANY);
            assertThat(routing.param("ConversationSid")).startsWith("CH");
            assertThat(routing.signatureValid()).isTrue();
            assertThat(action.param("Result")).isEqualTo("session-success");
            assertThat(f.leg(callSid).dateCreated()).isEqualTo(answeredAt(f));
        }
    }

    @Test
    void customRoutingThatAddsTheWorkerLaterWithinTheTimeoutIsWaitedFor() {
        try (Frontdesk f = new Frontdesk()) {
            f.worker(ALICE);
            routeAliceAfter(f, 3);
            f.connectWithAction("");
            f.phoneOf(ALICE).answerAfter(ofSeconds(1)).hangupAt(ofSeconds(2));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.param("Result")).isEqualTo("session-success");
            assertThat(f.leg(callSid).dateCreated()).isEqualTo(answeredAt(f).plusSeconds(3));
        }
    }

    @Test
    void customRoutingThatAddsTheWorkerAfterTheTimeoutComesTooLate() {
        try (Frontdesk f = new Frontdesk()) {
            f.worker(ALICE);
            routeAliceAfter(f, 7);
            f.connectWithAction("");
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.param("Result")).isEqualTo("no-other-participants");
            assertThat(f.dialled(callSid)).isEmpty();
            assertThat(f.phoneOf(ALICE).calls()).isEmpty();
            assertThat(f.alertCodes(callSid)).containsExactly(32506);
        }
    }

    @Test
    void routingThatAddsSomeoneWhoIsNoFrontlineUserIsAnInternalError32505() {
        try (Frontdesk f = new Frontdesk()) {
            f.routing(Routing.custom(f.app.url("/routing")));
            f.app.route("/routing", r -> {
                f.frontline.participants().add(r.param("AccountSid"), r.param("ChatServiceSid"), r.param("ConversationSid"),
                    ParticipantParams.chat("nobody"));
                return TestApp.Response.status(200);
            });
            f.connectWithAction("");
            String callSid = f.customerCalls();

            assertThat(f.actionOf(callSid, "/action").param("Result")).isEqualTo("internal-error");
            assertThat(f.alertCodes(callSid)).containsExactly(32505);
        }
    }

    @Test
    void aCustomerWhoHangsUpWhileRoutingWaitsEndsTheSessionWithOneActionRequest() {
        try (Frontdesk f = new Frontdesk()) {
            f.connectWithAction("routingAssignmentTimeout=\"10\"");
            f.customer().hangupAt(ofSeconds(4));
            String callSid = f.customerCalls();

            TestApp.Request action = f.actionOf(callSid, "/action");

            assertThat(action.params()).containsEntry("Result", "no-other-participants").doesNotContainKey("DialCallStatus");
            assertThat(f.dialled(callSid)).isEmpty();
            assertThat(f.alertCodes(callSid)).as("routing did not fail: the customer left").isEmpty();
            assertThat(f.engine.call(callSid).orElseThrow().endTime()).contains(answeredAt(f).plusSeconds(4));
        }
    }

    @Test
    void aWorkerWithAPhoneNumberOfTheirOwnIsDialledThere() {
        try (Frontdesk f = new Frontdesk()) {
            f.frontline.workers().create(f.account.sid(), ALICE, WorkerParams.NONE.withPhoneNumber("+15554440001"));
            f.conversation(CUSTOMER, ALICE);
            f.connectWithAction("");
            f.network.phone("+15554440001").answerAfter(ofSeconds(1)).hangupAt(ofSeconds(2));
            String callSid = f.customerCalls();

            assertThat(f.actionOf(callSid, "/action").param("Result")).isEqualTo("session-success");
            assertThat(f.leg(callSid).to()).isEqualTo("+15554440001");
        }
    }

    @Test
    void aCallerWhosePairBelongsToAConversationOfAnotherServiceCannotGetANewOne() {
        try (Frontdesk f = new Frontdesk()) {
            ConversationService other = f.frontline.services().create(f.account.sid(), "Messaging");
            Conversation elsewhere = f.frontline.conversations().create(f.account.sid(), other.sid(), ConversationParams.NONE);
            f.frontline.participants().add(f.account.sid(), other.sid(), elsewhere.sid(), ParticipantParams.customer(CUSTOMER, COMPANY));
            f.connectWithAction("");
            String callSid = f.customerCalls();

            assertThat(f.actionOf(callSid, "/action").param("Result")).isEqualTo("failed-create-conversation");
            assertThat(f.engine.alertsOf(callSid)).singleElement()
                .satisfies(alert -> assertThat(alert.alertText()).contains("50416"));
        }
    }

    @Test
    void aCallParleyPlacesToTheCustomerFindsTheConversationTheOtherWayRound() {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.app.twiml("/outbound", "<Response>" + f.connectElement("action=\"/action\"", "") + "</Response>");
            f.accepting("/action");
            f.customer().answerAfter(ofSeconds(1)).hangupAt(ofSeconds(5));
            f.phoneOf(ALICE).answerAfter(ofSeconds(1));
            Call call = f.engine.create(dev.parley.engine.call.CallRequest.of(f.account.sid(), CUSTOMER, COMPANY,
                f.app.url("/outbound")));

            TestApp.Request action = f.actionOf(call.sid(), "/action");

            assertThat(action.params()).containsEntry("Result", "session-success").containsEntry("Direction", "outbound-api")
                .containsEntry("WorkerInitiated", "false");
            assertThat(f.leg(call.sid()).to()).isEqualTo("client:alice");
            assertThat(conversationsOf(f, CUSTOMER)).as("no new conversation").hasSize(1);
        }
    }

    /** Custom routing whose app adds Alice {@code seconds} after its callback (virtual time stands still meanwhile). */
    private static void routeAliceAfter(Frontdesk f, int seconds) {
        f.routing(Routing.custom(f.app.url("/routing")));
        f.app.route("/routing", r -> {
            f.clock.schedule(f.clock.now().plusSeconds(seconds), () -> f.frontline.participants().add(r.param("AccountSid"),
                r.param("ChatServiceSid"), r.param("ConversationSid"), ParticipantParams.chat(ALICE)));
            return TestApp.Response.status(200);
        });
    }
}
