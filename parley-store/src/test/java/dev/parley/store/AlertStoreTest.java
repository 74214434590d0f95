package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.store.AlertFilter;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.StoreException;
import dev.parley.engine.store.StoredAccount;
import dev.parley.engine.store.StoredAlert;
import dev.parley.engine.store.TimeRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Database.class)
class AlertStoreTest extends StoreTest {

    private StoredAlert alert(StoredAccount account, String resourceSid, String level, long createdAt) {
        return store.alerts().create(StoredAlert.of(sids.next("NO"), account.sid(), Optional.of(resourceSid), 11200,
            level, "Msg=HTTP+retrieval+failure", t(createdAt)));
    }

    private List<StoredAlert> list(StoredAccount account, AlertFilter filter) {
        return store.alerts().list(account.sid(), filter, PageRequest.first()).items();
    }

    @Test
    void anAlertKeepsWhatWasRequestedAndWhatCameBack() {
        StoredAccount account = account();
        String body = "<Response><Say>" + "long body ".repeat(5_000) + "</Say></Response>";
        StoredAlert alert = store.alerts().create(StoredAlert.of(sids.next("NO"), account.sid(),
                Optional.of(sids.next("CA")), 12100, "error", "Msg=Document+parse+failure", T0)
            .withRequest("POST", "https://app.example/voice", "CallSid=CA1&From=%2B1415")
            .withResponse("Content-Type: text/xml", body));

        assertThat(store.alerts().fetch(account.sid(), alert.sid())).contains(alert);
        assertThat(store.alerts().fetch(account().sid(), alert.sid())).isEmpty();
        assertThatThrownBy(() -> store.alerts().create(alert)).isInstanceOf(StoreException.class);
    }

    @Test
    void theListFiltersByLogLevelResourceAndDate() {
        StoredAccount account = account();
        String call = sids.next("CA");
        StoredAlert warning = alert(account, call, "warning", 1);
        StoredAlert error = alert(account, call, "error", 2);
        StoredAlert elsewhere = alert(account, sids.next("CA"), "error", 3);
        alert(account(), call, "error", 4);

        assertThat(list(account, AlertFilter.ALL)).containsExactly(elsewhere, error, warning);
        assertThat(list(account, AlertFilter.ALL.logLevel("error"))).containsExactly(elsewhere, error);
        assertThat(list(account, AlertFilter.ALL.resourceSid(call))).containsExactly(error, warning);
        assertThat(list(account, AlertFilter.ALL.dateCreated(TimeRange.atOrAfter(t(2))).logLevel("error")))
            .containsExactly(elsewhere, error);
        assertThat(all(p -> store.alerts().list(account.sid(), AlertFilter.ALL, p), 1))
            .containsExactly(elsewhere, error, warning);
    }
}
