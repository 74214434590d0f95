package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.RecordingFilter;
import dev.parley.engine.store.StoreException;
import dev.parley.engine.store.StoredAccount;
import dev.parley.engine.store.StoredRecording;
import dev.parley.engine.store.TimeRange;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Database.class)
class RecordingStoreTest extends StoreTest {

    private StoredRecording recording(StoredAccount account, String callSid, long createdAt) {
        return store.recordings().create(StoredRecording.completed(sids.next("RE"), account.sid(), callSid,
            "RecordVerb", 1, t(createdAt - 5), 5, t(createdAt)));
    }

    private List<StoredRecording> list(StoredAccount account, RecordingFilter filter) {
        return store.recordings().list(account.sid(), filter, PageRequest.first()).items();
    }

    @Test
    void aRecordingReadsBackAsWrittenWithOrWithoutItsOptionalFields() {
        StoredAccount account = account();
        StoredRecording conference = store.recordings().create(new StoredRecording(sids.next("RE"), account.sid(),
            Optional.empty(), Optional.of("CF" + "2".repeat(32)), "processing", "Conference", 2, t(1),
            Optional.empty(), Optional.of(new BigDecimal("-0.00250")), Optional.of("USD"), Optional.of(16104), t(9),
            t(9)));
        StoredRecording call = recording(account, sids.next("CA"), 10);

        assertThat(store.recordings().fetch(account.sid(), conference.sid())).contains(conference);
        assertThat(store.recordings().fetch(account.sid(), call.sid())).contains(call);
    }

    @Test
    void theListFiltersByCallConferenceAndDateCreated() {
        StoredAccount account = account();
        String callA = sids.next("CA");
        StoredRecording a1 = recording(account, callA, 10);
        StoredRecording a2 = recording(account, callA, 20);
        StoredRecording b = recording(account, sids.next("CA"), 30);
        recording(account(), callA, 40);

        assertThat(list(account, RecordingFilter.ALL)).containsExactly(b, a2, a1);
        assertThat(list(account, RecordingFilter.ALL.callSid(callA))).containsExactly(a2, a1);
        assertThat(list(account, RecordingFilter.ALL.conferenceSid("CF" + "3".repeat(32)))).isEmpty();
        assertThat(list(account, RecordingFilter.ALL.dateCreated(TimeRange.between(t(15), t(30)))))
            .containsExactly(a2);
        assertThat(all(p -> store.recordings().list(account.sid(), RecordingFilter.ALL, p), 2))
            .containsExactly(b, a2, a1);
    }

    @Test
    void updatesAndDeletesStayInTheRecordingsAccount() {
        StoredAccount account = account();
        StoredAccount other = account();
        StoredRecording r = store.recordings().create(new StoredRecording(sids.next("RE"), account.sid(),
            Optional.of(sids.next("CA")), Optional.empty(), "in-progress", "DialVerb", 2, T0, Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), T0, T0));
        StoredRecording done = r.withStatus("completed", Optional.of(42L), t(42));

        assertThat(store.recordings().fetch(other.sid(), r.sid())).isEmpty();
        assertThat(store.recordings().update(new StoredRecording(r.sid(), other.sid(), r.callSid(), r.conferenceSid(),
            "deleted", r.source(), 2, T0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), T0,
            T0))).isFalse();
        assertThat(store.recordings().delete(other.sid(), r.sid())).isFalse();

        assertThat(store.recordings().update(done)).isTrue();
        assertThat(store.recordings().fetch(account.sid(), r.sid())).contains(done);
        assertThat(store.recordings().delete(account.sid(), r.sid())).isTrue();
        assertThat(store.recordings().fetch(account.sid(), r.sid())).isEmpty();
        assertThatThrownBy(() -> store.recordings().create(StoredRecording.completed(sids.next("RE"), sids.next("AC"),
            sids.next("CA"), "RecordVerb", 1, T0, 1, T0))).isInstanceOf(StoreException.class);
    }
}
