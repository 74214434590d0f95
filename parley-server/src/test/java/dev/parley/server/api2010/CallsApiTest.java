package dev.parley.server.api2010;

import static dev.parley.server.api2010.Contract.account;
import static dev.parley.server.api2010.Contract.error;
import static dev.parley.server.api2010.Contract.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.call.CallStatus;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.TimeHold;
import dev.parley.server.testing.VoiceApp;
import dev.parley.sim.VirtualPhone;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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

    private JsonNode create(String... more) {
        List<String> form = new java.util.ArrayList<>(List.of("To", CUSTOMER, "From", TestParley.NUMBER));
        form.addAll(List.of(more));
        return ok(http.post(CALLS, form), 201);
    }

    private String call(String sid) {
        return account("/Calls/" + sid + ".json");
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
        assertThat(created.get("uri").asText()).isEqualTo(call(sid));
        assertThat(created.get("subresource_uris").get("recordings").asText())
            .isEqualTo(account("/Calls/" + sid + "/Recordings.json"));
        assertThat(created.get("start_time").isNull()).isTrue();
        assertThat(created.get("duration").isNull()).isTrue();

        parley.awaitEnded(sid);
        JsonNode ended = ok(http.get(call(sid)), 200);
        assertThat(ended.get("status").asText()).isEqualTo("completed");
        assertThat(ended.get("start_time").asText()).matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(ended.get("duration").asText()).isEqualTo(String.valueOf(
            parley.parley.engine().call(sid).orElseThrow().duration().orElseThrow()));
        assertThat(customer.saidTexts()).containsExactly("Hello from the API");
        VoiceApp.Request request = parley.app.requests("/outbound").getFirst();
        assertThat(request.signatureValid()).isTrue();
        assertThat(request.param("CallSid")).isEqualTo(sid);
        assertThat(request.param("Direction")).isEqualTo("outbound-api");
    }
}
