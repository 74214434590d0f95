package dev.parley.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallObserver;
import dev.parley.engine.store.TimelineEntry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A call that is no longer live has everything of its end written: the observer was told (its log line), and its
 * final status callback's first attempt is over, with its line last on the timeline. Whoever waits for "not live"
 * (a test, the timeline's {@code Wait}, {@code parley call}) reads a finished call. Each check reads what was true
 * while the call was still live, so that it fails at once if the order is lost, not only under load.
 */
class CallEndTest {

    @Test
    void theFinalStatusCallbackIsAnsweredWhileTheCallIsStillLiveAndItsLineIsTheLast() {
        try (Scenario s = new Scenario()) {
            List<Boolean> liveWhileAnswered = new CopyOnWriteArrayList<>();
            s.numberStatusCallback("/status");
            s.app.twiml("/voice", "<Response><Say>Hi</Say></Response>");
            s.app.route("/status", r -> {
                liveWhileAnswered.add(s.engine.isLive(r.param("CallSid")));
                return TestApp.Response.status(204);
            });

            String callSid = s.network.phone("+15557770001").call(Scenario.NUMBER).orElseThrow();
            Call call = s.awaitEnded(callSid);

            assertThat(liveWhileAnswered).as("the call is live until its final callback is answered")
                .containsExactly(true);
            assertThat(s.engine.timeline().of(call)).last().extracting(TimelineEntry::text).asString()
                .startsWith("status completed POST " + s.app.url("/status") + " -> 204");
        }
    }

    @Test
    void theObserverIsToldOfTheEndBeforeTheCallStopsBeingLive() {
        try (Scenario s = new Scenario()) {
            List<Boolean> liveWhenTold = new CopyOnWriteArrayList<>();
            s.engine.observer(new CallObserver() {
                @Override
                public void callEnded(Call call) {
                    liveWhenTold.add(s.engine.isLive(call.sid()));
                }
            });
            s.app.twiml("/voice", "<Response><Say>Hi</Say></Response>");

            s.awaitEnded(s.network.phone("+15557770001").call(Scenario.NUMBER).orElseThrow());

            assertThat(liveWhenTold).containsExactly(true);
        }
    }
}
