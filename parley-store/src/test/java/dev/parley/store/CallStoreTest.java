package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.call.CallStatus;
import dev.parley.engine.call.Direction;
import dev.parley.engine.store.CallFilter;
import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.StoreException;
import dev.parley.engine.store.StoredAccount;
import dev.parley.engine.store.StoredCall;
import dev.parley.engine.store.StoredNumber;
import dev.parley.engine.store.TimeRange;
import dev.parley.twiml.HttpMethod;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Database.class)
class CallStoreTest extends StoreTest {

    private StoredCall create(StoredCall.Builder call) {
        return store.calls().create(call.build());
    }

    private List<StoredCall> list(StoredAccount account, CallFilter filter) {
        return all(p -> store.calls().list(account.sid(), filter, p), 50);
    }

    @Test
    void everyFieldReadsBackAsWritten() {
        StoredAccount account = account();
        StoredNumber number =
            store.numbers().create(StoredNumber.of(sids.next("PN"), account.sid(), "+18005550100", T0));
        StoredCall parent = create(call(account, "+14155550100", "+18005550100", T0));
        StoredCall full = create(StoredCall.builder(sids.next("CA"), account.sid(), "client:alice", "+14155550123",
                Direction.OUTBOUND_DIAL, CallStatus.COMPLETED, t(1))
            .parentCallSid(parent.sid())
            .phoneNumberSid(number.sid())
            .startTime(Instant.parse("2025-03-01T10:00:02.123456Z"))
            .endTime(t(62))
            .duration(60)
            .price(new BigDecimal("-0.01750"), "USD")
            .answeredBy("human")
            .callerName("ALICE SMITH")
            .forwardedFrom("+14155550999")
            .groupSid("GP" + "0".repeat(32))
            .queueTime(Duration.ofMillis(1500))
            .trunkSid("TK" + "1".repeat(32))
            .statusCallback(new StoredCall.StatusCallback("https://app.example/status?x=1", HttpMethod.GET,
                List.of("initiated", "ringing", "answered", "completed")))
            .callbackSequence(4)
            .dateUpdated(t(62)));

        assertThat(store.calls().fetch(account.sid(), full.sid())).contains(full);
        assertThat(store.calls().fetch(account.sid(), parent.sid())).contains(parent);
        assertThat(parent.price()).isEmpty();
        assertThat(parent.duration()).isEmpty();
        assertThat(parent.statusCallback()).isEmpty();
    }

    @Test
    void timesKeepMicrosecondsAndDropNanoseconds() {
        StoredAccount account = account();
        StoredCall call = create(call(account, "a", "b", Instant.parse("2025-03-01T10:00:00.123456789Z")));
        assertThat(store.calls().fetch(account.sid(), call.sid()).orElseThrow().dateCreated())
            .isEqualTo(Instant.parse("2025-03-01T10:00:00.123456Z"));
    }

    @Test
    void anUpdateWritesWhatChangesAndOnlyInTheCallsAccount() {
        StoredAccount account = account();
        StoredAccount other = account();
        StoredCall ringing = create(call(account, "+1", "+2", T0));
        StoredCall answered = ringing.toBuilder().status(CallStatus.IN_PROGRESS).startTime(t(3)).answeredBy("human")
            .statusCallback(new StoredCall.StatusCallback("https://x.example/s", HttpMethod.POST, List.of()))
            .callbackSequence(2).dateUpdated(t(3)).build();
        StoredCall completed = answered.toBuilder().status(CallStatus.COMPLETED).endTime(t(30)).duration(27)
            .price(new BigDecimal("0.00400"), "USD").dateUpdated(t(30)).build();

        assertThat(store.calls().update(answered)).isTrue();
        assertThat(store.calls().fetch(account.sid(), ringing.sid())).contains(answered);
        assertThat(store.calls().update(completed)).isTrue();
        assertThat(store.calls().fetch(account.sid(), ringing.sid())).contains(completed);

        StoredCall elsewhere = StoredCall.builder(ringing.sid(), other.sid(), "+1", "+2", Direction.INBOUND,
            CallStatus.CANCELED, T0).build();
        assertThat(store.calls().update(elsewhere)).isFalse();
        assertThat(store.calls().fetch(other.sid(), ringing.sid())).isEmpty();
        assertThat(store.calls().delete(other.sid(), ringing.sid())).isFalse();
        assertThat(store.calls().list(other.sid(), CallFilter.ALL, PageRequest.first()).items()).isEmpty();

        assertThat(store.calls().delete(account.sid(), ringing.sid())).isTrue();
        assertThat(store.calls().fetch(account.sid(), ringing.sid())).isEmpty();
        assertThat(store.calls().update(completed)).isFalse();
    }

    @Test
    void aTakenSidOrAnUnknownAccountIsRefused() {
        StoredAccount account = account();
        StoredCall call = create(call(account, "+1", "+2", T0));
        assertThatThrownBy(() -> store.calls().create(call)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.calls().create(StoredCall.builder(sids.next("CA"), sids.next("AC"), "+1", "+2",
            Direction.INBOUND, CallStatus.RINGING, T0).build())).isInstanceOf(StoreException.class);
    }

    @Test
    void theListFiltersByToFromParentAndStatus() {
        StoredAccount account = account();
        StoredCall parent = create(call(account, "+14155550100", "+18005550100", t(0)));
        StoredCall child = create(call(account, "+18005550100", "client:alice", t(1)).parentCallSid(parent.sid())
            .status(CallStatus.IN_PROGRESS));
        StoredCall other = create(call(account, "+14155550199", "+18005550100", t(2)).status(CallStatus.BUSY));
        create(call(account(), "+14155550100", "+18005550100", t(3)));

        assertThat(list(account, CallFilter.ALL)).containsExactly(other, child, parent);
        assertThat(list(account, CallFilter.ALL.to("+18005550100"))).containsExactly(other, parent);
        assertThat(list(account, CallFilter.ALL.from("+14155550100"))).containsExactly(parent);
        assertThat(list(account, CallFilter.ALL.parentCallSid(parent.sid()))).containsExactly(child);
        assertThat(list(account, CallFilter.ALL.status(CallStatus.BUSY))).containsExactly(other);
        assertThat(list(account, CallFilter.ALL.status(CallStatus.RINGING))).containsExactly(parent);
        assertThat(list(account, CallFilter.ALL.to("+18005550100").from("+14155550199").status(CallStatus.BUSY)))
            .containsExactly(other);
        assertThat(list(account, CallFilter.ALL.to("+18005550100").status(CallStatus.IN_PROGRESS))).isEmpty();
    }

    @Test
    void theListFiltersByStartAndEndTimeRanges() {
        StoredAccount account = account();
        Instant day = Instant.parse("2025-03-01T00:00:00Z");
        StoredCall early = create(call(account, "a", "b", day.minusSeconds(60)).startTime(day.minusSeconds(50))
            .endTime(day.plusSeconds(10)).status(CallStatus.COMPLETED));
        StoredCall midday = create(call(account, "a", "b", day.plusSeconds(43_200)).startTime(day.plusSeconds(43_210))
            .endTime(day.plusSeconds(43_300)).status(CallStatus.COMPLETED));
        StoredCall late = create(call(account, "a", "b", day.plusSeconds(86_390)).startTime(day.plusSeconds(86_400))
            .status(CallStatus.IN_PROGRESS));
        StoredCall neverAnswered = create(call(account, "a", "b", day.plusSeconds(100)));

        assertThat(list(account, CallFilter.ALL.startTime(TimeRange.onDay(LocalDate.of(2025, 3, 1)))))
            .containsExactly(midday);
        assertThat(list(account, CallFilter.ALL.startTime(TimeRange.atOrAfter(day.plusSeconds(43_210)))))
            .containsExactly(late, midday);
        assertThat(list(account, CallFilter.ALL.startTime(TimeRange.before(day.plusSeconds(43_210)))))
            .containsExactly(early);
        assertThat(list(account, CallFilter.ALL.endTime(TimeRange.onDay(LocalDate.of(2025, 3, 1)))))
            .containsExactly(midday, early);
        assertThat(list(account, CallFilter.ALL.endTime(TimeRange.before(day.plusSeconds(11)))))
            .containsExactly(early);
        assertThat(list(account, CallFilter.ALL.startTime(TimeRange.atOrAfter(day))
            .endTime(TimeRange.atOrAfter(day)))).containsExactly(midday);
        assertThat(list(account, CallFilter.ALL)).contains(neverAnswered).hasSize(4);
    }

    @Test
    void pagesAreNewestFirstAndTokensContinueAfterTheLastRowEvenWhenCallsArrive() {
        StoredAccount account = account();
        for (int i = 0; i < 7; i++) create(call(account, "+1", "+2", t(i / 2)));
        List<StoredCall> everything = store.calls().list(account.sid(), CallFilter.ALL, PageRequest.first(100)).items();
        assertThat(everything).hasSize(7);
        assertThat(everything).isSortedAccordingTo((a, b) -> a.dateCreated().equals(b.dateCreated())
            ? b.sid().compareTo(a.sid()) : b.dateCreated().compareTo(a.dateCreated()));

        Page<StoredCall> first = store.calls().list(account.sid(), CallFilter.ALL, PageRequest.first(3));
        assertThat(first.items()).isEqualTo(everything.subList(0, 3));
        assertThat(first.nextPageToken()).contains("PA" + everything.get(2).sid());
        create(call(account, "+1", "+2", t(100)));
        Page<StoredCall> second = store.calls().list(account.sid(), CallFilter.ALL, first.next().orElseThrow());
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.items()).isEqualTo(everything.subList(3, 6));
        Page<StoredCall> third = store.calls().list(account.sid(), CallFilter.ALL, second.next().orElseThrow());
        assertThat(third.items()).isEqualTo(everything.subList(6, 7));
        assertThat(third.nextPageToken()).isEmpty();
        assertThat(third.next()).isEmpty();
    }

    @Test
    void withoutAUsableTokenAPageIsFoundByPosition() {
        StoredAccount account = account();
        for (int i = 0; i < 5; i++) create(call(account, "+1", "+2", t(i)));
        List<StoredCall> everything = store.calls().list(account.sid(), CallFilter.ALL, PageRequest.first()).items();

        assertThat(store.calls().list(account.sid(), CallFilter.ALL, new PageRequest(2, 1, Optional.empty())).items())
            .isEqualTo(everything.subList(2, 4));
        StoredCall foreign = create(call(account(), "+1", "+2", t(3)));
        assertThat(store.calls().list(account.sid(), CallFilter.ALL,
            new PageRequest(2, 2, Optional.of("PA" + foreign.sid()))).items()).isEqualTo(everything.subList(4, 5));
        assertThat(store.calls().list(account.sid(), CallFilter.ALL,
            new PageRequest(2, 1, Optional.of("not-a-token"))).items()).isEqualTo(everything.subList(2, 4));
        assertThat(store.calls().list(account.sid(), CallFilter.ALL, new PageRequest(2, 9, Optional.empty())).items())
            .isEmpty();
    }

    @Test
    void liveCallsAreThisNodesCallsThatAreNotOver() {
        StoredAccount one = account();
        StoredAccount two = account();
        StoredCall queued = create(call(one, "+1", "+2", t(0)).status(CallStatus.QUEUED));
        StoredCall ringing = create(call(two, "+1", "+2", t(1)));
        StoredCall talking = create(call(one, "+1", "+2", t(2)).status(CallStatus.IN_PROGRESS).startTime(t(2)));
        for (CallStatus over : List.of(CallStatus.COMPLETED, CallStatus.BUSY, CallStatus.FAILED, CallStatus.NO_ANSWER,
                CallStatus.CANCELED)) {
            create(call(one, "+1", "+2", t(3)).status(over));
        }

        assertThat(store.calls().live()).containsExactly(queued, ringing, talking);

        withNode("node-b", other -> {
            StoredCall theirs = other.calls().create(call(one, "+1", "+2", t(4)).build());
            assertThat(other.calls().live()).containsExactly(theirs);
            assertThat(store.calls().live()).containsExactly(queued, ringing, talking);
        });

        store.calls().update(talking.toBuilder().status(CallStatus.COMPLETED).endTime(t(9)).duration(7).build());
        assertThat(store.calls().live()).containsExactly(queued, ringing);
    }
}
