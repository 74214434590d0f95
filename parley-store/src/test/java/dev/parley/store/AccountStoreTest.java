package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.store.AccountFilter;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.StoreException;
import dev.parley.engine.store.StoredAccount;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Database.class)
class AccountStoreTest extends StoreTest {

    @Test
    void anAccountReadsBackAsWritten() {
        StoredAccount main = account();
        StoredAccount sub = subaccount(main, "Sub one", t(5));

        assertThat(store.accounts().find(main.sid())).contains(main);
        assertThat(store.accounts().find(sub.sid())).contains(sub);
        assertThat(sub.ownerAccountSid()).contains(main.sid());
        assertThat(store.accounts().find(sids.next("AC"))).isEmpty();
    }

    @Test
    void anOwnerSeesItsSubaccountsButASubaccountSeesOnlyItself() {
        StoredAccount main = account();
        StoredAccount sub = subaccount(main, "Sub", t(1));
        StoredAccount other = account();

        assertThat(store.accounts().fetch(main.sid(), sub.sid())).contains(sub);
        assertThat(store.accounts().fetch(main.sid(), main.sid())).contains(main);
        assertThat(store.accounts().fetch(sub.sid(), sub.sid())).contains(sub);
        assertThat(store.accounts().fetch(sub.sid(), main.sid())).isEmpty();
        assertThat(store.accounts().fetch(other.sid(), sub.sid())).isEmpty();
        assertThat(store.accounts().fetch(other.sid(), main.sid())).isEmpty();

        assertThat(store.accounts().list(main.sid(), AccountFilter.ALL, PageRequest.first()).items())
            .containsExactly(sub, main);
        assertThat(store.accounts().list(sub.sid(), AccountFilter.ALL, PageRequest.first()).items())
            .containsExactly(sub);
        assertThat(store.accounts().list(other.sid(), AccountFilter.ALL, PageRequest.first()).items())
            .containsExactly(other);
    }

    @Test
    void theListFiltersByFriendlyNameAndStatusAndPages() {
        StoredAccount main = account();
        StoredAccount a = subaccount(main, "Alpha", t(1));
        StoredAccount b = subaccount(main, "Beta", t(2));
        StoredAccount c = subaccount(main, "Alpha", t(3));
        store.accounts().update(main.sid(), b.withStatus("suspended", t(4)));

        assertThat(store.accounts().list(main.sid(), AccountFilter.ALL.friendlyName("Alpha"), PageRequest.first())
            .items()).containsExactly(c, a);
        assertThat(store.accounts().list(main.sid(), AccountFilter.ALL.status("suspended"), PageRequest.first())
            .items()).extracting(StoredAccount::sid).containsExactly(b.sid());
        assertThat(all(p -> store.accounts().list(main.sid(), AccountFilter.ALL, p), 1))
            .extracting(StoredAccount::sid).containsExactly(c.sid(), b.sid(), a.sid(), main.sid());
    }

    @Test
    void anUpdateChangesNameStatusAndTokenWithinScopeOnly() {
        StoredAccount main = account();
        StoredAccount sub = subaccount(main, "Sub", t(1));
        StoredAccount other = account();
        StoredAccount renamed = sub.withFriendlyName("Renamed", t(10)).withStatus("closed", t(10))
            .withAuthToken(sids.secret(), t(10));

        assertThat(store.accounts().update(other.sid(), renamed)).isFalse();
        assertThat(store.accounts().find(sub.sid())).contains(sub);

        assertThat(store.accounts().update(main.sid(), renamed)).isTrue();
        assertThat(store.accounts().find(sub.sid())).contains(renamed);
        assertThat(store.accounts().update(main.sid(), StoredAccount.active(sids.next("AC"), Optional.empty(), "x",
            "y", T0))).isFalse();
    }

    @Test
    void aTakenSidOrAMissingOwnerIsRefused() {
        StoredAccount main = account();
        assertThatThrownBy(() -> store.accounts().create(main)).isInstanceOf(StoreException.class)
            .hasMessageContaining("already exists");
        StoredAccount orphan = StoredAccount.active(sids.next("AC"), Optional.of(sids.next("AC")), "Orphan", "t", T0);
        assertThatThrownBy(() -> store.accounts().create(orphan)).isInstanceOf(StoreException.class)
            .hasMessageContaining("does not exist");
    }

    @Test
    void theAuthTokenStaysOutOfToString() {
        StoredAccount main = account();
        assertThat(main.toString()).doesNotContain(main.authToken()).contains(main.sid());
    }
}
