package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.Direction;
import dev.parley.engine.store.StoredAccount;
import dev.parley.engine.store.StoredCall;
import dev.parley.engine.store.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Database.class)
class TimelineStoreTest extends StoreTest {

    private StoredCall call(StoredAccount account) {
        return store.calls().create(call(account, "+14155550100", "+18005550100", T0).build());
    }

    private StoredCall leg(StoredCall parent, String to) {
        return store.calls().create(StoredCall.builder(sids.next("CA"), parent.accountSid(), "+18005550100", to,
            Direction.OUTBOUND_DIAL, CallStatus.QUEUED, t(1)).parentCallSid(parent.sid()).build());
    }

    private TimelineEntry line(StoredCall call, Instant at, String kind, String text) {
        TimelineEntry entry = new TimelineEntry(call.accountSid(), call.sid(), at, kind, text);
        assertThat(store.timelines().append(entry)).as("kept: %s", entry).isTrue();
        return entry;
    }

    @Test
    void linesReadBackInTheOrderAppendedEvenWithinOneInstantAndKeepMicroseconds() {
        StoredAccount account = account();
        StoredCall call = call(account);
        List<TimelineEntry> appended = new ArrayList<>();
        for (int i = 0; i < 30; i++) appended.add(line(call, t(1), i % 2 == 0 ? "verb" : "media", "line " + i));
        String longSay = "say \"" + "long text ".repeat(2_000) + "\"";
        appended.add(line(call, t(2), "media", longSay));
        line(call, Instant.parse("2025-03-01T10:00:03.123456789Z"), "webhook", "POST https://app.example -> 200 in 12 ms");

        List<TimelineEntry> read = store.timelines().of(account.sid(), call.sid());

        assertThat(read).hasSize(32).startsWith(appended.toArray(TimelineEntry[]::new));
        assertThat(read.getLast().at()).isEqualTo(Instant.parse("2025-03-01T10:00:03.123456Z"));
        assertThat(read.get(30).text()).isEqualTo(longSay);
    }

    @Test
    void aCallsLinesWithItsLegsInterleaveAsAppended() {
        StoredAccount account = account();
        StoredCall parent = call(account);
        StoredCall alice = leg(parent, "client:alice");
        StoredCall bob = leg(parent, "client:bob");
        StoredCall other = call(account);
        TimelineEntry dial = line(parent, t(1), "verb", "Dial");
        TimelineEntry aliceRings = line(alice, t(1), "status", "ringing");
        line(other, t(1), "verb", "Say");
        TimelineEntry bobRings = line(bob, t(1), "status", "ringing");
        TimelineEntry aliceAnswers = line(alice, t(2), "status", "in-progress");
        TimelineEntry bridged = line(parent, t(2), "leg", "bridged with " + alice.sid());
        TimelineEntry bobCanceled = line(bob, t(2), "status", "canceled");

        assertThat(store.timelines().withLegs(account.sid(), parent.sid()))
            .containsExactly(dial, aliceRings, bobRings, aliceAnswers, bridged, bobCanceled);
        assertThat(store.timelines().of(account.sid(), parent.sid())).containsExactly(dial, bridged);
        assertThat(store.timelines().withLegs(account.sid(), alice.sid())).containsExactly(aliceRings, aliceAnswers);
    }

    @Test
    void onlyTheAccountsCallsHaveTimelines() {
        StoredAccount account = account();
        StoredAccount stranger = account();
        StoredCall call = call(account);
        TimelineEntry kept = line(call, t(1), "verb", "Say");

        assertThat(store.timelines().append(new TimelineEntry(account.sid(), account.sid(), t(2), "webhook",
            "conversation-status-callback POST https://app.example -> 200"))).as("about the account").isFalse();
        assertThat(store.timelines().append(new TimelineEntry(account.sid(), sids.next("CA"), t(2), "verb", "Say")))
            .as("an unknown call").isFalse();
        assertThat(store.timelines().append(new TimelineEntry(stranger.sid(), call.sid(), t(2), "verb", "Say")))
            .as("another account's call").isFalse();

        assertThat(store.timelines().of(account.sid(), call.sid())).containsExactly(kept);
        assertThat(store.timelines().of(stranger.sid(), call.sid())).isEmpty();
        assertThat(store.timelines().withLegs(stranger.sid(), call.sid())).isEmpty();
    }

    @Test
    void deletingACallDeletesItsTimelineAndNotItsLegs() {
        StoredAccount account = account();
        StoredCall parent = store.calls().create(call(account, "+14155550100", "+18005550100", T0)
            .status(CallStatus.COMPLETED).build());
        StoredCall leg = leg(parent, "client:alice");
        line(parent, t(1), "verb", "Dial");
        TimelineEntry legLine = line(leg, t(1), "status", "completed");

        assertThat(store.calls().delete(account.sid(), parent.sid())).isTrue();

        assertThat(store.timelines().of(account.sid(), parent.sid())).isEmpty();
        assertThat(store.timelines().of(account.sid(), leg.sid())).containsExactly(legLine);
        assertThat(store.timelines().append(new TimelineEntry(account.sid(), parent.sid(), t(2), "webhook",
            "status completed POST https://app.example/status -> 200 in 5 ms"))).as("after the call went").isFalse();
        assertThat(store.timelines().of(account.sid(), parent.sid())).isEmpty();
    }

    @Test
    void linesAreThereAfterReopeningAndForAnotherNode() {
        StoredAccount account = account();
        StoredCall call = call(account);
        TimelineEntry first = line(call, t(1), "status", "ringing");
        TimelineEntry second = line(call, t(2), "status", "completed");

        reopen();

        assertThat(store.timelines().of(account.sid(), call.sid())).containsExactly(first, second);
        withNode("node-b", other -> {
            assertThat(other.timelines().append(new TimelineEntry(account.sid(), call.sid(), t(3), "webhook",
                "status completed POST https://app.example/status -> 200 in 5 ms"))).isTrue();
        });
        assertThat(store.timelines().of(account.sid(), call.sid())).hasSize(3).startsWith(first, second);
    }
}
