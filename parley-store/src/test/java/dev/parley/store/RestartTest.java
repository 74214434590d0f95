package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.account.Account;
import dev.parley.engine.account.PhoneNumber;
import dev.parley.engine.call.Call;
import dev.parley.engine.call.CallRequest;
import dev.parley.engine.call.CallStatus;
import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.ConversationParams;
import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.ConversationState;
import dev.parley.engine.conversation.ConversationStore;
import dev.parley.engine.conversation.InMemoryConversationStore;
import dev.parley.engine.conversation.ParticipantParams;
import dev.parley.engine.conversation.Routing;
import dev.parley.engine.conversation.WorkerParams;
import dev.parley.engine.store.AlertFilter;
import dev.parley.engine.store.CallFilter;
import dev.parley.engine.store.MediaStore;
import dev.parley.engine.store.OutboxEntry;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.RecordingFilter;
import dev.parley.engine.store.Store;
import dev.parley.engine.store.StoredCall;
import dev.parley.engine.store.StoredRecording;
import dev.parley.engine.store.TimelineEntry;
import dev.parley.twiml.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Restart keeps everything (issue 5), for the engine over each database: what a Parley created is there when a new
 * process opens the same data; a call live when the process died is ended by the next one, which sends its final
 * status callback once; callbacks that could not be delivered before the crash are delivered after it, once each,
 * signed with the account's token of that moment.
 */
@ParameterizedClass
@EnumSource(Database.class)
class RestartTest extends StoreTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String NUMBER = "+15550001000";
    private static final List<String> ALL_EVENTS = List.of("initiated", "ringing", "answered", "completed");

    /** The conversation data of the in-memory "database" (a JDBC store keeps it in its own tables). */
    private final InMemoryConversationStore memoryConversations = new InMemoryConversationStore();
    private MediaStore media;
    private LoopbackApp app;

    @BeforeEach
    void mediaAndApp() {
        media = FileMediaStore.in(directory);
    }

    @AfterEach
    void appDown() {
        if (app != null) app.close();
    }

    /** A Parley process over this test's database and data directory, with its clock at {@code start}. */
    private Node node(Store opened, Instant start) {
        ConversationStore conversations = opened instanceof JdbcStore jdbc ? jdbc.conversations() : memoryConversations;
        return new Node(opened, conversations, media, sids, start);
    }

    @Test
    void everythingCreatedIsThereAfterClosingAndOpeningAgain() {
        Node first = node(store, START);
        Account main = first.directory.createAccount("Main", START);
        Account sub = first.directory.createSubaccount(main.sid(), Optional.of("Customer A"), START);
        app = new LoopbackApp(sub.authToken()).up()
            .twiml("/voice", "<Response><Record action=\"/recorded\" maxLength=\"5\" playBeep=\"false\" bogus=\"1\"/></Response>");
        first.directory.add(new PhoneNumber(sids.next("PN"), sub.sid(), NUMBER, "Support", Optional.of(app.url("/voice")),
            HttpMethod.POST, Optional.of(app.url("/fallback")), HttpMethod.GET, Optional.of(app.url("/status")),
            HttpMethod.POST, START));
        String recorded = first.network.phone("+15557770001").talk(Duration.ofSeconds(1), Duration.ofSeconds(2))
            .hangupAt(Duration.ofSeconds(4)).call(NUMBER).orElseThrow();
        // The status callback's own line (its response) is written after the app has the request: wait for it too.
        first.await(() -> !first.engine.isLive(recorded) && app.requests("/status").size() == 1
            && app.requests("/recorded").size() == 1
            && first.engine.timeline().of(first.engine.call(recorded).orElseThrow()).getLast().kind().equals("webhook"));
        ConversationService service = first.frontline.services().create(sub.sid(), "Frontline");
        first.frontline.services().route(sub.sid(), service.sid(), Routing.custom(app.url("/route")));
        first.frontline.services().makeDefault(sub.sid(), service.sid());
        first.frontline.workers().create(sub.sid(), "alice", WorkerParams.NONE.withFriendlyName("Alice"));
        Conversation talk = first.frontline.conversations().create(sub.sid(), service.sid(),
            ConversationParams.builder().uniqueName("talk").state(ConversationState.ACTIVE).timersInactive("PT2H").build());
        first.frontline.participants().add(sub.sid(), service.sid(), talk.sid(),
            ParticipantParams.customer("+15551230001", NUMBER));
        first.frontline.participants().add(sub.sid(), service.sid(), talk.sid(), ParticipantParams.chat("alice"));
        Snapshot before = Snapshot.of(first, main.sid(), sub.sid(), service.sid(), talk.sid(), recorded);
        first.stop();

        Node second = node(db.open(NODE), START.plus(Duration.ofHours(1)));

        Snapshot after = Snapshot.of(second, main.sid(), sub.sid(), service.sid(), talk.sid(), recorded);
        assertThat(after).isEqualTo(before);
        assertThat(before.calls()).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(CallStatus.COMPLETED));
        assertThat(before.recordings()).singleElement();
        assertThat(before.audio()).singleElement().satisfies(wav -> assertThat(wav.length).isGreaterThan(44));
        assertThat(before.alerts()).isNotEmpty();
        assertThat(before.participants()).hasSize(2);
        assertThat(before.timeline()).extracting(TimelineEntry::kind)
            .contains("status", "webhook", "verb", "alert").last().isEqualTo("webhook");
        assertThat(second.frontline.service(sub.sid(), service.sid()).orElseThrow().routing())
            .isEqualTo(Routing.custom(app.url("/route")));
        assertThat(second.directory.authenticate(sub.sid(), sub.authToken())).isPresent();
        assertThat(second.directory.numberByAddress(NUMBER).orElseThrow().accountSid()).isEqualTo(sub.sid());
        assertThat(second.engine.recordings().ofCall(recorded)).singleElement()
            .satisfies(r -> assertThat(r.media().bytes()).isEqualTo(before.audio().getFirst()));
        second.stop();
    }

    /** Everything the store keeps of two accounts, read through the engine's and the domain's own APIs. */
    private record Snapshot(Optional<Account> main, List<Account> subaccounts, List<PhoneNumber> numbers,
                            List<StoredCall> calls, List<StoredRecording> recordings, List<byte[]> audio,
                            List<?> alerts, List<?> services, Optional<String> defaultService, List<?> workers,
                            List<?> conversations, List<?> participants, List<TimelineEntry> timeline) {

        static Snapshot of(Node node, String main, String sub, String service, String conversation, String call) {
            Store s = node.store;
            List<StoredRecording> recordings = Page.all(p -> s.recordings().list(sub, RecordingFilter.ALL, p));
            return new Snapshot(node.directory.account(main), node.directory.subaccounts(main),
                node.directory.numbers(sub), Page.all(p -> s.calls().list(sub, CallFilter.ALL, p)), recordings,
                recordings.stream().map(r -> node.engine.recordings().recording(r.sid()).orElseThrow().media().bytes()).toList(),
                Page.all(p -> s.alerts().list(sub, AlertFilter.ALL, p)), node.frontline.services().list(sub),
                node.frontline.services().list(sub).stream().filter(x -> x.sid().equals(service)).findFirst()
                    .flatMap(x -> Optional.of(node.frontline.services().defaultService(sub).sid())),
                node.frontline.workers().list(sub), node.frontline.conversations().list(sub, service, Optional.empty()),
                node.frontline.participants().list(sub, service, conversation),
                node.engine.timeline().of(node.engine.call(call).orElseThrow()));
        }

        /** Audio compared by content. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot other && Stream.of(main.equals(other.main), subaccounts.equals(other.subaccounts),
                numbers.equals(other.numbers), calls.equals(other.calls), recordings.equals(other.recordings),
                audio.size() == other.audio.size() && IntStream.range(0, audio.size())
                    .allMatch(i -> Arrays.equals(audio.get(i), other.audio.get(i))),
                alerts.equals(other.alerts), services.equals(other.services),
                defaultService.equals(other.defaultService), workers.equals(other.workers),
                conversations.equals(other.conversations), participants.equals(other.participants),
                timeline.equals(other.timeline))
                .allMatch(Boolean::booleanValue);
        }

        @Override
        public int hashCode() {
            return calls.hashCode();
        }
    }

    @Test
    void aCallLiveWhenTheProcessDiedIsEndedOnRestartAndItsFinalCallbackDeliveredOnce() throws InterruptedException {
        Node first = node(store, START);
        Account account = first.directory.createAccount("Main", START);
        app = new LoopbackApp(account.authToken()).up()
            .twiml("/answer", "<Response><Say>Hello</Say><Pause length=\"3600\"/></Response>");
        first.directory.addNumber(account.sid(), NUMBER, app.url("/voice"), START);
        first.network.phone("+15558880001").answerAfter(Duration.ofSeconds(2));
        first.network.phone("+15558880002").ringForever();
        String talking = first.engine.create(CallRequest.of(account.sid(), "+15558880001", NUMBER, app.url("/answer"))
            .withStatusCallback(app.url("/status"), ALL_EVENTS)).sid();
        String ringing = first.engine.create(CallRequest.of(account.sid(), "+15558880002", NUMBER, app.url("/answer"))
            .withStatusCallback(app.url("/status"), ALL_EVENTS).withTimeout(600)).sid();
        first.dieAt(START.plusSeconds(60));
        assertThat(statusCallbacks(talking)).extracting(r -> r.param("CallStatus"))
            .containsExactly("initiated", "ringing", "in-progress");
        assertThat(statusCallbacks(ringing)).extracting(r -> r.param("CallStatus")).containsExactly("initiated", "ringing");

        Instant restart = START.plus(Duration.ofHours(1));
        Store reopened = db.open(NODE);
        Instant answered = reopened.calls().fetch(account.sid(), talking).orElseThrow().startTime().orElseThrow();
        Node second = node(reopened, restart);
        second.await(() -> second.store.outbox().pending(account.sid()).isEmpty() && second.clock.busy() == 0);

        assertThat(statusCallbacks(talking)).hasSize(4).last().satisfies(last -> {
            assertThat(last.param("CallStatus")).isEqualTo("completed");
            assertThat(last.param("SequenceNumber")).isEqualTo("3");
            assertThat(last.param("CallDuration")).isEqualTo(String.valueOf(Duration.between(answered, restart)
                .toSeconds()));
            assertThat(last.param("Timestamp")).isEqualTo("Thu, 01 Jan 2026 01:00:00 +0000");
        });
        assertThat(statusCallbacks(ringing)).hasSize(3).last().satisfies(last -> {
            assertThat(last.param("CallStatus")).isEqualTo("failed");
            assertThat(last.param("SequenceNumber")).isEqualTo("2");
            assertThat(last.param("CallDuration")).isEqualTo("0");
        });
        assertThat(app.requests("/status")).allMatch(LoopbackApp.Request::signatureValid);
        StoredCall ended = second.store.calls().fetch(account.sid(), talking).orElseThrow();
        assertThat(ended.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(ended.endTime()).contains(restart);
        assertThat(ended.callbackSequence()).isEqualTo(4);
        assertThat(second.store.calls().fetch(account.sid(), ringing).orElseThrow().status()).isEqualTo(CallStatus.FAILED);
        assertThat(second.store.calls().live()).isEmpty();
        assertThat(second.observed).as("the observer sees the calls a restart ends and the callbacks it delivers")
            .containsExactlyInAnyOrder("ended " + talking + " completed", "ended " + ringing + " failed",
                "webhook " + talking + " status-callback ok", "webhook " + ringing + " status-callback ok");
        second.stop();

        Node third = node(db.open(NODE), restart.plus(Duration.ofHours(1)));
        third.await(() -> third.clock.busy() == 0);
        assertThat(app.requests("/status")).as("a second restart sends nothing again").hasSize(7);
        third.stop();
    }

    @Test
    void callbacksTheAppMissedBeforeTheCrashAreDeliveredAfterItOnceEachWithTheTokenOfThatMoment()
        throws InterruptedException {
        Node first = node(store, START);
        Account account = first.directory.createAccount("Main", START);
        app = new LoopbackApp(account.authToken());
        first.directory.addNumber(account.sid(), NUMBER, app.url("/voice"), START);
        first.network.phone("+15558880001").answerAfter(Duration.ofSeconds(1));
        String callSid = first.engine.create(CallRequest.inline(account.sid(), "+15558880001", NUMBER,
            "<Response><Say>Hi</Say><Hangup/></Response>").withStatusCallback(app.url("/status"), ALL_EVENTS)).sid();
        first.dieAt(START.plusSeconds(30));
        Store reopened = db.open(NODE);
        List<OutboxEntry> owed = reopened.outbox().pending(account.sid());
        assertThat(owed).hasSize(4).allSatisfy(entry -> {
            assertThat(entry.lastError()).isPresent();
            assertThat(entry.attempts()).isGreaterThanOrEqualTo(1);
        });
        assertThat(Page.all(p -> reopened.alerts().list(account.sid(), AlertFilter.ALL.resourceSid(callSid), p)))
            .as("one alert for each callback, not one per attempt").hasSize(4)
            .allSatisfy(alert -> assertThat(alert.errorCode()).isEqualTo(11200));

        String newToken = sids.secret();
        reopened.accounts().update(account.sid(), reopened.accounts().find(account.sid()).orElseThrow()
            .withAuthToken(newToken, START.plus(Duration.ofMinutes(30))));
        app.authToken(newToken);
        app.up();
        Node second = node(reopened, START.plus(Duration.ofHours(1)));
        second.await(() -> second.store.outbox().pending(account.sid()).isEmpty() && second.clock.busy() == 0);

        assertThat(statusCallbacks(callSid)).extracting(r -> r.param("CallStatus"))
            .containsExactly("initiated", "ringing", "in-progress", "completed");
        assertThat(app.requests("/status")).hasSize(4).allMatch(LoopbackApp.Request::signatureValid)
            .extracting(LoopbackApp.Request::idempotencyToken)
            .containsExactlyInAnyOrderElementsOf(owed.stream().map(e -> e.webhook().idempotencyToken()).toList());
        second.stop();
    }

    /**
     * A call's timeline is in the store alone: what the engine reads of it is what another node reads from the
     * database (also the line of the status callback delivered after the call ended), and once the call is deleted
     * there, the engine has none of its lines left: it keeps no copy of an ended call's timeline.
     */
    @Test
    void aCallsTimelineIsKeptInTheStoreAlone() {
        Node first = node(store, START);
        Account account = first.directory.createAccount("Main", START);
        app = new LoopbackApp(account.authToken()).up();
        first.directory.addNumber(account.sid(), NUMBER, app.url("/voice"), START);
        first.network.phone("+15558880001").answerAfter(Duration.ofSeconds(1));
        first.network.phone("+15558880002").answerAfter(Duration.ofSeconds(2)).hangupAt(Duration.ofSeconds(3));
        String callSid = first.engine.create(CallRequest.inline(account.sid(), "+15558880001", NUMBER,
                "<Response><Say>Hi</Say><Dial><Number>+15558880002</Number></Dial></Response>")
            .withStatusCallback(app.url("/status"), List.of("completed"))).sid();
        first.await(() -> !first.engine.isLive(callSid) && app.requests("/status").size() == 1
            && first.clock.busy() == 0);
        Call call = first.engine.call(callSid).orElseThrow();
        String leg = Page.all(p -> store.calls().list(account.sid(), CallFilter.ALL.parentCallSid(callSid), p))
            .getFirst().sid();

        List<TimelineEntry> seen = first.engine.timeline().of(call);

        assertThat(seen).extracting(TimelineEntry::callSid).containsOnly(callSid, leg);
        assertThat(seen).extracting(TimelineEntry::text).contains("say \"Hi\"", "Dial ended: completed")
            .last().asString().startsWith("status completed POST " + app.url("/status") + " -> 204");
        withNode("node-b", other -> {
            assertThat(other.timelines().withLegs(account.sid(), callSid)).isEqualTo(seen);
            assertThat(other.calls().delete(account.sid(), callSid)).isTrue();
        });
        assertThat(first.engine.timeline().of(call)).isNotEmpty().extracting(TimelineEntry::callSid).containsOnly(leg);
        first.stop();
    }

    /** The status callbacks the app got about a call, in SequenceNumber order. */
    private List<LoopbackApp.Request> statusCallbacks(String callSid) {
        return app.requests("/status").stream().filter(r -> r.param("CallSid").equals(callSid))
            .sorted((a, b) -> Integer.compare(Integer.parseInt(a.param("SequenceNumber")),
                Integer.parseInt(b.param("SequenceNumber"))))
            .toList();
    }
}
