package dev.parley.server.api2010;

import static dev.parley.server.testing.Node.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.testing.Node;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.TimeHold;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official {@code twilio} npm package, with each domain's {@code baseUrl} set to Parley, runs the core flow
 * ({@code src/test/node/flow.js}): fetch the account, create a number, create a call, redirect it live, hang it up,
 * fetch it, list calls page by page, delete it. The test moves virtual time between the script's steps.
 */
class TwilioNodeTest {

    private static final String CUSTOMER = "+15557770001";

    private final TestParley parley = new TestParley();
    private final Node node = new Node(Map.of("PARLEY_URL", parley.url(), "TWILIO_ACCOUNT_SID", TestParley.ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN", TestParley.AUTH_TOKEN, "TO", CUSTOMER, "FROM", TestParley.NUMBER,
        "APP_URL", parley.app.url("")));

    @AfterEach
    void close() {
        parley.close();
    }

    @Test
    void theTwilioNpmPackageRunsTheCoreFlowAgainstParley() {
        parley.parley.network().phone(CUSTOMER);
        parley.app.twiml("/hold", "<Response><Say>Hold on</Say><Pause length=\"60\"/></Response>");
        String callSid;
        try (TimeHold hold = TimeHold.freeze(parley.clock)) {
            List<JsonNode> setup = node.run("flow.js", "setup");

            assertThat(step(setup, "account").get("sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
            assertThat(step(setup, "account").get("status").asText()).isEqualTo("active");
            assertThat(step(setup, "account").get("dateCreated").asText()).isEqualTo("2026-01-01T00:00:00.000Z");
            assertThat(step(setup, "number").get("phoneNumber").asText()).isEqualTo("+14155550123");
            assertThat(step(setup, "number").get("voiceMethod").asText()).isEqualTo("GET");
            JsonNode created = step(setup, "created");
            assertThat(created.get("status").asText()).isEqualTo("queued");
            assertThat(created.get("direction").asText()).isEqualTo("outbound-api");
            callSid = created.get("sid").asText();

            hold.until(Duration.ofSeconds(5));
            List<JsonNode> update = node.run("flow.js", "update", callSid);
            assertThat(step(update, "live").get("status").asText()).isEqualTo("in-progress");
            hold.until(Duration.ofSeconds(10));
            node.run("flow.js", "hangup", callSid);
        }
        parley.awaitEnded(callSid);
        parley.await(() -> parley.app.requests("/status").size() == 2);

        List<JsonNode> finish = node.run("flow.js", "finish", callSid);

        JsonNode fetched = step(finish, "fetched");
        assertThat(fetched.get("status").asText()).isEqualTo("completed");
        assertThat(fetched.get("startTime").asText()).isEqualTo("2026-01-01T00:00:01.000Z");
        assertThat(step(finish, "listed").get("sids")).extracting(JsonNode::asText).containsExactly(callSid);
        assertThat(step(finish, "numbers").get("numbers")).extracting(JsonNode::asText).containsExactly("+14155550123");
        assertThat(step(finish, "paged").get("numbers")).extracting(JsonNode::asText)
            .containsExactlyInAnyOrder("+14155550123", TestParley.NUMBER);
        assertThat(step(finish, "deleted").get("error").asInt()).isEqualTo(20404);
        assertThat(step(finish, "deleted").get("status").asInt()).isEqualTo(404);
        assertThat(parley.parley.network().phone(CUSTOMER).saidTexts()).containsExactly("Hold on", "Bye from Node");
        assertThat(parley.app.requests("/status")).extracting(r -> r.param("CallStatus"))
            .containsExactly("initiated", "completed");
    }
}
