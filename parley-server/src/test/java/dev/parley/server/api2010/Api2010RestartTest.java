package dev.parley.server.api2010;

import static dev.parley.server.api2010.Contract.account;
import static dev.parley.server.api2010.Contract.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.Sids;
import dev.parley.server.Parley;
import dev.parley.server.ParleyConfig;
import dev.parley.server.ParleyServer;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import dev.parley.server.testing.VoiceApp;
import dev.parley.sim.VirtualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an app creates through the 2010-04-01 API is there, the same, after Parley restarts on its data. */
class Api2010RestartTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String CUSTOMER = "+15557770001";

    @TempDir
    Path data;

    private final ParleyConfig config = ParleyConfig.defaults().withPort(0)
        .withCredentials(new ParleyConfig.Credentials(TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN));

    private Parley open(VirtualClock clock, long seed) {
        return Parley.create(config.withDataDirectory(data), clock, new Sids(new Random(seed)));
    }

    @Test
    void accountsNumbersCallsAndRecordingsWithTheirMediaSurviveARestart() {
        JsonNode sub;
        JsonNode number;
        JsonNode call;
        JsonNode recordings;
        byte[] wav;
        VirtualClock clock = new VirtualClock(START);
        try (VoiceApp app = new VoiceApp(TestParley.AUTH_TOKEN); Parley first = open(clock, 1);
             ParleyServer server = ParleyServer.start(first)) {
            Http http = Http.to("http://127.0.0.1:" + server.port(), TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);
            app.twiml("/record", "<Response><Say>Speak</Say><Record timeout=\"2\" action=\"/done\"/></Response>");
            app.twiml("/done", "<Response><Hangup/></Response>");
            first.network().phone(CUSTOMER).talk(Duration.ofSeconds(2), Duration.ofSeconds(2));
            sub = ok(http.post("/2010-04-01/Accounts.json", "FriendlyName", "Branch"), 201);
            number = ok(http.post(account("/IncomingPhoneNumbers.json"), "PhoneNumber", "+14155550100",
                "VoiceUrl", app.url("/record")), 201);
            String sid = ok(http.post(account("/Calls.json"), "To", CUSTOMER, "From", "+14155550100",
                "Url", app.url("/record")), 201).get("sid").asText();
            assertThat(clock.await(() -> first.engine().call(sid).map(c -> c.status().isFinal()).orElse(false)
                && !first.engine().isLive(sid), TestParley.HANG_GUARD)).isTrue();
            call = ok(http.get(account("/Calls/" + sid + ".json")), 200);
            recordings = ok(http.get(account("/Recordings.json")), 200);
            wav = http.getBytes(account("/Recordings/" + recordings.get("recordings").get(0).get("sid").asText()
                + ".wav")).body();
        }

        try (Parley second = open(new VirtualClock(START.plusSeconds(3600)), 2);
             ParleyServer server = ParleyServer.start(second)) {
            Http http = Http.to("http://127.0.0.1:" + server.port(), TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);

            assertThat(ok(http.get("/2010-04-01/Accounts/" + sub.get("sid").asText() + ".json"), 200)).isEqualTo(sub);
            assertThat(ok(http.get(account("/IncomingPhoneNumbers/" + number.get("sid").asText() + ".json")), 200))
                .isEqualTo(number);
            assertThat(ok(http.get(account("/Calls/" + call.get("sid").asText() + ".json")), 200)).isEqualTo(call);
            assertThat(call.get("status").asText()).isEqualTo("completed");
            assertThat(ok(http.get(account("/Recordings.json")), 200)).isEqualTo(recordings);
            String recording = recordings.get("recordings").get(0).get("sid").asText();
            assertThat(http.getBytes(account("/Recordings/" + recording + ".wav")).body()).isEqualTo(wav);
            assertThat(http.getBytes(account("/Recordings/" + recording + ".mp3")).status()).isEqualTo(200);
        }
    }
}
