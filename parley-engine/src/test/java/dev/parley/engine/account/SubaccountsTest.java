package dev.parley.engine.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.Sids;
import dev.parley.engine.clock.SystemClock;
import dev.parley.engine.store.memory.InMemoryStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SubaccountsTest {

    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Directory directory = new Directory(new InMemoryStore(), new Sids(new Random(7)), new SystemClock());
    private final Account main = directory.createAccount("main", now);

    private static void assertCode(Runnable change, int code) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(AccountException.class,
            e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void aSubaccountNamesItsOwnerAndAMainAccountOwnsItself() {
        Account sub = directory.createSubaccount(main.sid(), Optional.of("Customer A"), now);

        assertThat(sub.ownerAccountSid()).isEqualTo(main.sid());
        assertThat(sub.isSubaccount()).isTrue();
        assertThat(sub.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(sub.friendlyName()).isEqualTo("Customer A");
        assertThat(Sids.isSid(sub.sid(), "AC")).isTrue();
        assertThat(sub.authToken()).hasSize(32).isNotEqualTo(main.authToken());
        assertThat(main.ownerAccountSid()).isEqualTo(main.sid());
        assertThat(main.isSubaccount()).isFalse();
        assertThat(directory.subaccounts(main.sid())).containsExactly(sub);
        assertThat(directory.subaccounts(sub.sid())).isEmpty();
    }

    @Test
    void withoutANameASubaccountGetsTwiliosDefaultInPacificTime() {
        Account morning = directory.createSubaccount(main.sid(), Optional.empty(), Instant.parse("2014-10-03T16:48:25Z"));
        Account afternoon = directory.createSubaccount(main.sid(), Optional.empty(), Instant.parse("2019-07-03T20:46:06Z"));

        assertThat(morning.friendlyName()).isEqualTo("SubAccount Created at 2014-10-03 09:48 am");
        assertThat(afternoon.friendlyName()).isEqualTo("SubAccount Created at 2019-07-03 13:46 pm");
    }

    @Test
    void aSubaccountCannotOwnSubaccounts() {
        Account sub = directory.createSubaccount(main.sid(), Optional.empty(), now);

        assertCode(() -> directory.createSubaccount(sub.sid(), Optional.empty(), now), 21101);
    }

    @Test
    void anUnknownOwnerIsNotFound() {
        assertCode(() -> directory.createSubaccount("AC00000000000000000000000000000000", Optional.empty(), now), 20404);
    }

    @Test
    void aMainAccountOwnsAtMostAThousandSubaccounts() {
        for (int i = 0; i < Directory.MAX_SUBACCOUNTS; i++) {
            directory.createSubaccount(main.sid(), Optional.of("s" + i), now);
        }

        assertCode(() -> directory.createSubaccount(main.sid(), Optional.empty(), now), 21480);
        assertThat(directory.createSubaccount(directory.createAccount("other", now).sid(), Optional.empty(), now))
            .as("the limit is per main account").isNotNull();
    }

    @Test
    void mainCredentialsActOnSubaccountsAndASubaccountOnlyOnItself() {
        Account a = directory.createSubaccount(main.sid(), Optional.of("a"), now);
        Account b = directory.createSubaccount(main.sid(), Optional.of("b"), now);
        Account stranger = directory.createAccount("stranger", now);

        assertThat(directory.mayActOn(main.sid(), main.sid())).isTrue();
        assertThat(directory.mayActOn(main.sid(), a.sid())).isTrue();
        assertThat(directory.mayActOn(a.sid(), a.sid())).isTrue();
        assertThat(directory.mayActOn(a.sid(), main.sid())).as("never on its owner's").isFalse();
        assertThat(directory.mayActOn(a.sid(), b.sid())).as("never on a sibling's").isFalse();
        assertThat(directory.mayActOn(stranger.sid(), a.sid())).isFalse();
        assertThat(directory.mayActOn(main.sid(), stranger.sid())).isFalse();
        assertThat(directory.mayActOn("AC00000000000000000000000000000000", "AC00000000000000000000000000000000")).isFalse();
    }

    @Test
    void credentialsAuthenticateTheirAccountUntilItIsClosed() {
        Account sub = directory.createSubaccount(main.sid(), Optional.empty(), now);

        assertThat(directory.authenticate(main.sid(), main.authToken())).contains(main);
        assertThat(directory.authenticate(sub.sid(), sub.authToken())).contains(sub);
        assertThat(directory.authenticate(sub.sid(), main.authToken())).isEmpty();
        assertThat(directory.authenticate(main.sid(), "")).isEmpty();
        assertThat(directory.authenticate("AC00000000000000000000000000000000", main.authToken())).isEmpty();

        directory.updateStatus(main.sid(), sub.sid(), AccountStatus.SUSPENDED, now);
        assertThat(directory.authenticate(sub.sid(), sub.authToken())).as("suspended: known, but not active").isPresent();
        assertThat(directory.isActive(sub.sid())).isFalse();

        directory.updateStatus(main.sid(), sub.sid(), AccountStatus.CLOSED, now);
        assertThat(directory.authenticate(sub.sid(), sub.authToken())).isEmpty();
    }

    @Test
    void aSuspendedSubaccountCanBeReactivated() {
        Account sub = directory.createSubaccount(main.sid(), Optional.empty(), now);
        Instant later = now.plusSeconds(60);

        Account suspended = directory.updateStatus(main.sid(), sub.sid(), AccountStatus.SUSPENDED, later);
        assertThat(suspended.status()).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(suspended.dateUpdated()).isEqualTo(later);
        assertThat(directory.isActive(sub.sid())).isFalse();

        directory.updateStatus(main.sid(), sub.sid(), AccountStatus.ACTIVE, later);
        assertThat(directory.isActive(sub.sid())).isTrue();
    }

    @Test
    void aSuspendedMainAccountSuspendsItsSubaccountsAndFreezesTheirStatus() {
        Account sub = directory.createSubaccount(main.sid(), Optional.empty(), now);
        directory.put(main.withStatus(AccountStatus.SUSPENDED, now));

        assertThat(directory.isActive(main.sid())).isFalse();
        assertThat(directory.isActive(sub.sid())).isFalse();
        assertThat(directory.account(sub.sid()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
        assertCode(() -> directory.updateStatus(main.sid(), sub.sid(), AccountStatus.CLOSED, now), 21476);

        directory.put(main.withStatus(AccountStatus.ACTIVE, now));
        assertThat(directory.isActive(sub.sid())).isTrue();
    }

    @Test
    void onlyTheOwnerChangesASubaccountsStatusAndAMainAccountsCannotBeChanged() {
        Account sub = directory.createSubaccount(main.sid(), Optional.empty(), now);
        Account stranger = directory.createAccount("stranger", now);

        assertCode(() -> directory.updateStatus(sub.sid(), sub.sid(), AccountStatus.SUSPENDED, now), 20403);
        assertCode(() -> directory.updateStatus(stranger.sid(), sub.sid(), AccountStatus.SUSPENDED, now), 20403);
        assertCode(() -> directory.updateStatus(main.sid(), main.sid(), AccountStatus.SUSPENDED, now), 20403);
        assertCode(() -> directory.updateStatus(main.sid(), "AC00000000000000000000000000000000", AccountStatus.CLOSED, now), 20404);
        assertThat(directory.isActive(sub.sid())).isTrue();
    }

    @Test
    void closingIsFinalAndReleasesTheSubaccountsNumbers() {
        Account sub = directory.createSubaccount(main.sid(), Optional.empty(), now);
        directory.addNumber(sub.sid(), "+15550001111", "http://app/voice", now);
        directory.addNumber(main.sid(), "+15550002222", "http://app/voice", now);

        directory.updateStatus(main.sid(), sub.sid(), AccountStatus.CLOSED, now);

        assertThat(directory.numbers(sub.sid())).isEmpty();
        assertThat(directory.numberByAddress("+15550001111")).isEmpty();
        assertThat(directory.numberByAddress("+15550002222")).isPresent();
        assertThat(directory.account(sub.sid())).as("a closed account stays listed").isPresent();
        assertCode(() -> directory.updateStatus(main.sid(), sub.sid(), AccountStatus.ACTIVE, now), 21479);
        assertThat(directory.addNumber(main.sid(), "+15550001111", "http://app/voice", now).accountSid())
            .as("the released number can be taken again").isEqualTo(main.sid());
    }
}
