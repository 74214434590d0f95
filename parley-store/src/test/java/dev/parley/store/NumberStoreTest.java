package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.store.NumberFilter;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.StoreException;
import dev.parley.engine.store.StoredAccount;
import dev.parley.engine.store.StoredNumber;
import dev.parley.twiml.HttpMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Database.class)
class NumberStoreTest extends StoreTest {

    private StoredNumber number(StoredAccount account, String phoneNumber, long createdAt) {
        return store.numbers().create(StoredNumber.of(sids.next("PN"), account.sid(), phoneNumber, t(createdAt)));
    }

    @Test
    void aNumberReadsBackWithItsWholeVoiceConfiguration() {
        StoredAccount account = account();
        StoredNumber n = store.numbers().create(StoredNumber.of(sids.next("PN"), account.sid(), "+14155550100", T0)
            .withVoiceUrl("https://app.example/voice", HttpMethod.GET, T0)
            .withVoiceFallbackUrl("https://app.example/fallback", HttpMethod.POST, T0)
            .withStatusCallback("https://app.example/status", HttpMethod.GET, T0)
            .withFriendlyName("Support line", t(1)));

        assertThat(store.numbers().fetch(account.sid(), n.sid())).contains(n);
        assertThat(store.numbers().byPhoneNumber("+14155550100")).contains(n);
        assertThat(store.numbers().byPhoneNumber("+14155550101")).isEmpty();
        StoredNumber bare = number(account, "+14155550199", 2);
        assertThat(store.numbers().fetch(account.sid(), bare.sid())).contains(bare);
        assertThat(bare.voiceUrl()).isEmpty();
    }

    @Test
    void anAccountNeverSeesOrChangesAnothersNumbers() {
        StoredAccount mine = account();
        StoredAccount theirs = account();
        StoredNumber n = number(theirs, "+14155550100", 0);

        assertThat(store.numbers().fetch(mine.sid(), n.sid())).isEmpty();
        assertThat(store.numbers().list(mine.sid(), NumberFilter.ALL, PageRequest.first()).items()).isEmpty();
        StoredNumber hijacked = new StoredNumber(n.sid(), mine.sid(), n.phoneNumber(), "mine", n.voiceUrl(),
            n.voiceMethod(), n.voiceFallbackUrl(), n.voiceFallbackMethod(), n.statusCallback(),
            n.statusCallbackMethod(), n.dateCreated(), t(5));
        assertThat(store.numbers().update(hijacked)).isFalse();
        assertThat(store.numbers().delete(mine.sid(), n.sid())).isFalse();
        assertThat(store.numbers().fetch(theirs.sid(), n.sid())).contains(n);
    }

    @Test
    void theListMatchesPartOfANumberWithStarForAnyDigitAndTheFriendlyName() {
        StoredAccount account = account();
        StoredNumber sf = number(account, "+14155550100", 0);
        StoredNumber ny = number(account, "+12125550100", 1);
        StoredNumber sf2 = store.numbers().create(StoredNumber.of(sids.next("PN"), account.sid(), "+14155559999", t(2))
            .withFriendlyName("Sales", t(2)));

        assertThat(store.numbers().list(account.sid(), NumberFilter.ALL.phoneNumber("415"), PageRequest.first())
            .items()).containsExactly(sf2, sf);
        assertThat(store.numbers().list(account.sid(), NumberFilter.ALL.phoneNumber("+1***5550100"),
            PageRequest.first()).items()).containsExactly(ny, sf);
        assertThat(store.numbers().list(account.sid(), NumberFilter.ALL.phoneNumber("%"), PageRequest.first())
            .items()).isEmpty();
        assertThat(store.numbers().list(account.sid(), NumberFilter.ALL.friendlyName("Sales"), PageRequest.first())
            .items()).containsExactly(sf2);
        assertThat(all(p -> store.numbers().list(account.sid(), NumberFilter.ALL, p), 2))
            .containsExactly(sf2, ny, sf);
    }

    @Test
    void anUpdateRewritesTheConfigurationAndADeleteRemovesTheNumber() {
        StoredAccount account = account();
        StoredNumber n = number(account, "+14155550100", 0);
        StoredNumber configured = n.withVoiceUrl("https://app.example/v", HttpMethod.POST, t(3));

        assertThat(store.numbers().update(configured)).isTrue();
        assertThat(store.numbers().fetch(account.sid(), n.sid())).contains(configured);
        assertThat(store.numbers().delete(account.sid(), n.sid())).isTrue();
        assertThat(store.numbers().fetch(account.sid(), n.sid())).isEmpty();
        assertThat(store.numbers().byPhoneNumber(n.phoneNumber())).isEmpty();
        assertThat(store.numbers().delete(account.sid(), n.sid())).isFalse();
        assertThat(store.numbers().update(configured)).isFalse();
    }

    @Test
    void aPhoneNumberBelongsToOneAccountOnly() {
        StoredAccount one = account();
        StoredAccount two = account();
        number(one, "+14155550100", 0);
        assertThatThrownBy(() -> number(two, "+14155550100", 1)).isInstanceOf(StoreException.class)
            .hasMessageContaining("already exists");
        assertThatThrownBy(() -> store.numbers().create(StoredNumber.of(sids.next("PN"), sids.next("AC"),
            "+14155550111", T0))).isInstanceOf(StoreException.class);
    }
}
