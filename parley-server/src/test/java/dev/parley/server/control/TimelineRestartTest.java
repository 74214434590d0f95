package dev.parley.server.control;

import static dev.parley.server.testing.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.engine.Sids;
import dev.parley.server.Parley;
import dev.parley.server.ParleyConfig;
import dev.parley.server.ParleyServer;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.VoiceApp;
import dev.parley.sim.VirtualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call's timeline is kept with the call: a Parley opened again on the same data directory shows it the same. */
class TimelineRestartTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String CALLER = "+15557770001";

    @TempDir
    Path data;

    private Parley open(VoiceApp app, VirtualClock clock, long seed) {
        ParleyConfig config = ParleyConfig.defaults().withPort(0).withDataDirectory(data)
            .withCredentials(new ParleyConfig.Credentials(TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN))
            .withNumbers(List.of(new ParleyConfig.NumberRoute(TestParley.NUMBER, app.url("/voice"))));
        return Parley.create(config, clock, new Sids(new Random(seed)));
    }

    private static Http http(ParleyServer server) {
        return Http.to("http://127.0.0.1:" + server.port(), TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);
    }

    /** The timeline as the control API shows it, but for its own URL (the port changes with the restart). */
    private static JsonNode timeline(Http http, String callSid) {
        ObjectNode timeline = (ObjectNode) http.get("/parley/v1/Calls/" + callSid + "/Timeline").json();
        timeline.remove("url");
        return timeline;
    }

    @Test
    void aCallsTimelineAndItsLegsAreReadableAfterARestart() {
        String callSid;
        JsonNode before;
        try (VoiceApp app = new VoiceApp(TestParley.AUTH_TOKEN)) {
            app.twiml("/voice", "<Response><Say>Welcome</Say><Dial>+15557770002</Dial></Response>");
            VirtualClock clock = new VirtualClock(START);
            try (Parley first = open(app, clock, 1); ParleyServer server = ParleyServer.start(first)) {
                Http http = http(server);
                http.post("/parley/v1/Phones", "Address", "+15557770002", "HangupAfter", "3");
                http.post("/parley/v1/Phones", "Address", CALLER);
                callSid = http.post("/parley/v1/Phones/" + encode(CALLER) + "/Calls", "To", TestParley.NUMBER)
                    .json().get("call_sid").asText();
                assertThat(clock.await(() -> first.engine().call(callSid).map(c -> c.status().isFinal()).orElse(false)
                    && !first.engine().isLive(callSid), TestParley.HANG_GUARD)).isTrue();
                before = timeline(http, callSid);
            }

            try (Parley second = open(app, new VirtualClock(START.plusSeconds(3600)), 2);
                 ParleyServer server = ParleyServer.start(second)) {
                JsonNode after = timeline(http(server), callSid);

                assertThat(after).isEqualTo(before);
            }
        }
        assertThat(before.get("status").asText()).isEqualTo("completed");
        assertThat(before.get("events")).extracting(e -> e.get("text").asText())
            .contains("say \"Welcome\"", "Dial ended: completed", "completed");
        assertThat(before.get("events")).extracting(e -> e.get("call_sid").asText()).contains(callSid)
            .anyMatch(sid -> !sid.equals(callSid));
    }
}
