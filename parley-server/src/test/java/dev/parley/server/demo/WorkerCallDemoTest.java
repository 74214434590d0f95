package dev.parley.server.demo;

import static dev.parley.server.testing.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.engine.Sids;
import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.Direction;
import dev.parley.server.Parley;
import dev.parley.server.ParleyConfig;
import dev.parley.server.ParleyServer;
import dev.parley.server.testing.Http;
import dev.parley.server.testing.TestParley;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualClock;
import dev.parley.sim.VirtualPhone;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The demo's worker-initiated call, end to end on virtual time: the demo as {@code serve --demo} sets it up, its app
 * served by Parley over HTTP, and Alice's call placed through the control API as {@code parley call --param} places
 * it. The app hears {@code WorkerInitiated=true} in the Connect action and the status callbacks.
 */
class WorkerCallDemoTest {

    private final VirtualClock clock = new VirtualClock();
    private final Path data = TestParley.temporaryDirectory();
    private final Parley parley = Parley.create(ParleyConfig.defaults().withPort(0).withDataDirectory(data)
        .withCredentials(new ParleyConfig.Credentials(TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN)),
        clock, new Sids(new Random(16)));
    private final DemoApp app = new DemoApp(TestParley.AUTH_TOKEN);
    private final ParleyServer server = ParleyServer.start(parley, List.of(app));
    private final String url = "http://127.0.0.1:" + server.port();
    private final Http http = Http.to(url, TestParley.ACCOUNT_SID, TestParley.AUTH_TOKEN);
    private final Demo demo = DemoSetup.on(parley, url);
    private final Logger demoLog = (Logger) LoggerFactory.getLogger("parley.demo");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final VirtualPhone alice = parley.network().find("client:" + demo.owned().worker()).orElseThrow();
    private final VirtualPhone customer = parley.network().find(demo.owned().customer()).orElseThrow();

    WorkerCallDemoTest() {
        app.serve(demo);
        logged.start();
        demoLog.addAppender(logged);
        demoLog.setAdditive(false);
        demoLog.setLevel(Level.INFO);
    }

    @AfterEach
    void close() {
        demoLog.detachAppender(logged);
        demoLog.setLevel(null);
        demoLog.setAdditive(true);
        server.close();
        parley.close();
        TestParley.delete(data);
    }

    /** Alice calls the demo number with her conversation's SID, as the printed command does; its CallSid. */
    private String aliceCalls() {
        Http.Response placed = http.post("/parley/v1/Phones/" + encode(alice.address()) + "/Calls",
            "To", demo.number(), "Params.ConversationSid", demo.owned().conversation());
        assertThat(placed.status()).as("%s", placed.json()).isEqualTo(201);
        String callSid = placed.json().get("call_sid").asText();
        await(() -> parley.engine().call(callSid).map(c -> c.status().isFinal()).orElse(false)
            && !parley.engine().isLive(callSid));
        return callSid;
    }

    private void await(BooleanSupplier condition) {
        assertThat(clock.await(condition, TestParley.HANG_GUARD)).as("within the hang guard").isTrue();
    }

    /** The conversation status callbacks the demo app took (and logged), by their key-values. */
    private List<Map<String, String>> statusCallbacks() {
        synchronized (logged) {
            return logged.list.stream().filter(e -> e.getKeyValuePairs() != null).map(e -> e.getKeyValuePairs().stream()
                    .collect(Collectors.toMap(p -> p.key, p -> String.valueOf(p.value))))
                .filter(kv -> kv.get("event").equals("demo.conversation.status")).toList();
        }
    }

    @Test
    void aliceCallsHerCustomerFromTheProxyAddressAndTheAppHearsWorkerInitiated() {
        String callSid = aliceCalls();

        Call call = parley.engine().call(callSid).orElseThrow();
        assertThat(call.from()).isEqualTo(alice.address());
        assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
        PhoneCall customerCall = customer.lastCall().orElseThrow();
        assertThat(customerCall.peer()).as("the customer sees the number they know").isEqualTo(demo.number());
        assertThat(customerCall.answered()).isTrue();
        Call leg = parley.engine().call(customerCall.callSid()).orElseThrow();
        assertThat(leg.direction()).isEqualTo(Direction.OUTBOUND_DIAL);
        assertThat(leg.from()).isEqualTo(demo.number());
        assertThat(leg.to()).isEqualTo(demo.owned().customer());
        assertThat(alice.lastCall().orElseThrow().status()).as("Alice hangs up, as the demo's script says")
            .isEqualTo(PhoneCall.Status.HUNG_UP_BY_ME);
        assertThat(alice.saidTexts()).as("a worker's call has no greeting").isEmpty();

        JsonNode timeline = http.get("/parley/v1/Calls/" + callSid + "/Timeline").json();
        assertThat(timeline.get("events")).extracting(e -> e.get("text").asText())
            .contains("queued outbound-dial " + demo.number() + " -> " + demo.owned().customer())
            .anySatisfy(text -> assertThat(text).contains("ENDED session-success"))
            .anySatisfy(text -> assertThat(text).contains(DemoApp.AFTER_CONNECT + " -> 200"));
        await(() -> statusCallbacks().size() == 4);
        assertThat(statusCallbacks()).allSatisfy(kv -> assertThat(kv).containsEntry("worker_initiated", "true")
            .containsEntry("conversation_sid", demo.owned().conversation()));
    }

    @Test
    void whenTheCustomerHangsUpFirstAliceHearsTheAppsAnswerToWorkerInitiated() {
        customer.clearScript().hangupAt(Duration.ofSeconds(1));
        alice.clearScript();

        aliceCalls();

        assertThat(alice.saidTexts()).containsExactly("Your call with the customer has ended. Goodbye.");
    }

    @Test
    void aBusyCustomerIsNoVoicemailForTheWorker() {
        customer.busy();

        aliceCalls();

        assertThat(alice.saidTexts()).containsExactly("Your customer is busy. Goodbye.");
        assertThat(customer.lastCall().orElseThrow().status()).isEqualTo(PhoneCall.Status.BUSY);
    }

    @Test
    void withoutItsConversationSidAWorkersCallIsInvalid() {
        alice.clearScript();
        String callSid = alice.call(demo.number()).orElseThrow();
        await(() -> !parley.engine().isLive(callSid));

        assertThat(alice.saidTexts()).containsExactly("There is no conversation to call. Goodbye.");
        assertThat(customer.calls()).isEmpty();
    }
}
