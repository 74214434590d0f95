package dev.parley.server.logging;

import static dev.parley.server.testing.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.server.testing.TestLogging;
import dev.parley.server.testing.TestParley;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The structured log of real calls: one line per event, as {@code text} or {@code json}. */
class LogFormatTest {

    private static final String CALLER = "+15557770001";

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    /** Puts back the test configuration (logback-test.xml) for the tests after this one. */
    @AfterEach
    void reset() {
        TestLogging.reset();
    }

    /** One call through a Parley, its app failing the action, and the lines logged meanwhile. */
    private List<String> callLogged(LogFormat format) {
        format.install(log);
        try (TestParley parley = new TestParley()) {
            parley.app.twiml("/voice", "<Response><Say>Hi</Say><Redirect>/missing</Redirect></Response>");
            parley.http.post("/parley/v1/Phones", "Address", CALLER);
            String callSid = parley.http.post("/parley/v1/Phones/" + encode(CALLER) + "/Calls", "To",
                TestParley.NUMBER).json().get("call_sid").asText();
            parley.awaitEnded(callSid);
        }
        return log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("parley.calls")).toList();
    }

    @Test
    void jsonIsOneObjectPerLineWithTheEventsFields() throws IOException {
        List<String> lines = callLogged(LogFormat.JSON);

        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) events.add(mapper.readTree(line));
        assertThat(events).extracting(e -> e.path("event").asText())
            .containsExactly("call.created", "webhook", "webhook", "call.ended");
        JsonNode created = events.getFirst();
        assertThat(created.path("call_sid").asText()).matches("CA[0-9a-f]{32}");
        assertThat(created.path("account_sid").asText()).isEqualTo(TestParley.ACCOUNT_SID);
        assertThat(created.path("direction").asText()).isEqualTo("inbound");
        assertThat(created.path("from").asText()).isEqualTo(CALLER);
        assertThat(created.path("level").asText()).isEqualTo("INFO");
        assertThat(created.path("logger_name").asText()).isEqualTo("parley.calls");
        assertThat(created.path("@timestamp").asText()).isNotEmpty();
        JsonNode failed = events.get(2);
        assertThat(failed.path("level").asText()).isEqualTo("WARN");
        assertThat(failed.path("purpose").asText()).isEqualTo("twiml");
        assertThat(failed.path("http_status").asInt()).isEqualTo(404);
        assertThat(failed.path("error_code").asInt()).isEqualTo(11217);
        assertThat(events.getLast().path("status").asText()).isEqualTo("completed");
        assertThat(events).allSatisfy(e -> assertThat(e.path("call_sid")).isEqualTo(created.path("call_sid")));
    }

    @Test
    void textIsOneLinePerEventWithKeyValueFields() {
        List<String> lines = callLogged(LogFormat.TEXT);

        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z INFO  parley\\.calls "
            + "call CA[0-9a-f]{32} inbound .*")
            .contains("event=\"call.created\"").contains("account_sid=\"" + TestParley.ACCOUNT_SID + "\"")
            .contains("direction=\"inbound\"");
        assertThat(lines.get(2)).contains("WARN ").contains("event=\"webhook\"").contains("error_code=\"11217\"");
        assertThat(lines.getLast()).contains("event=\"call.ended\"").contains("status=\"completed\"");
    }

    @Test
    void formatNamesAreTextAndJson() {
        assertThat(LogFormat.of("json")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.of("TEXT")).isEqualTo(LogFormat.TEXT);
        assertThatThrownBy(() -> LogFormat.of("xml")).hasMessageContaining("text or json");
    }
}
