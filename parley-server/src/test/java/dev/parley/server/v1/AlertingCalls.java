package dev.parley.server.v1;

import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Real calls that raise alerts: a virtual phone calls {@link TestParley#NUMBER}, whose app has no {@code /voice}
 * route and answers 404, so each call raises alert 11217 and ends. The calls are a minute of virtual time apart, so
 * their alerts have distinct dates.
 */
final class AlertingCalls {

    static final String CALLER = "+15557770001";

    private AlertingCalls() {
    }

    /** Places {@code count} such calls one after the other; returns their SIDs, once each has ended. */
    static List<String> place(TestParley parley, Http http, int count) {
        if (parley.parley.network().find(CALLER).isEmpty()) http.post("/parley/v1/Phones", "Address", CALLER);
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parley.clock.advance(Duration.ofMinutes(1));
            String call = http.post("/parley/v1/Phones/" + Http.encode(CALLER) + "/Calls", "To", TestParley.NUMBER)
                .json().get("call_sid").asText();
            parley.awaitEnded(call);
            calls.add(call);
        }
        return calls;
    }
}
