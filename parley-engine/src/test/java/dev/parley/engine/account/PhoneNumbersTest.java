package dev.parley.engine.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.Sids;
import dev.parley.engine.clock.SystemClock;
import dev.parley.engine.store.memory.InMemoryStore;
import dev.parley.twiml.HttpMethod;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Directory directory = new Directory(new InMemoryStore(), new Sids(new Random(3)), new SystemClock());
    private final Account account = directory.createAccount("main", now);

    @Test
    void aNumberGetsTwiliosDefaultsAndIsFoundByTheAddressCallersDial() {
        PhoneNumber number = directory.addNumber(account.sid(), "+15550001000", "http://app/voice", now);

        assertThat(Sids.isSid(number.sid(), "PN")).isTrue();
        assertThat(number.voiceUrl()).contains("http://app/voice");
        assertThat(number.voiceMethod()).isEqualTo(HttpMethod.POST);
        assertThat(number.friendlyName()).isEqualTo("+15550001000");
        assertThat(directory.numberByAddress("+15550001000")).contains(number);
        assertThat(directory.number(number.sid())).contains(number);
        assertThat(directory.numbers(account.sid())).containsExactly(number);
    }

    @Test
    void aNumberBelongsToOneAccountAtATime() {
        Account other = directory.createAccount("other", now);
        directory.addNumber(account.sid(), "+15550001000", "http://app/voice", now);

        assertThatThrownBy(() -> directory.addNumber(other.sid(), "+15550001000", "http://other/voice", now))
            .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.code()).isEqualTo(21422));
        assertThat(directory.numbers(other.sid())).isEmpty();
    }

    @Test
    void aNumberOfAnUnknownAccountIsRefused() {
        assertThatThrownBy(() -> directory.add(new PhoneNumber("PN00000000000000000000000000000000",
            "AC00000000000000000000000000000000", "+15550001000", "+15550001000", Optional.empty(), HttpMethod.POST,
            Optional.empty(), HttpMethod.POST, Optional.empty(), HttpMethod.POST, now)))
            .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.code()).isEqualTo(20404));
    }

    @Test
    void e164IsAPlusACountryCodeNotStartingWithZeroAndAtMostFifteenDigits() {
        assertThat(PhoneNumber.isE164("+15550001000")).isTrue();
        assertThat(PhoneNumber.isE164("+441632960961")).isTrue();
        assertThat(PhoneNumber.isE164("+123456789012345")).isTrue();
        assertThat(PhoneNumber.isE164("+1234567890123456")).as("16 digits").isFalse();
        assertThat(PhoneNumber.isE164("15550001000")).isFalse();
        assertThat(PhoneNumber.isE164("+05550001000")).isFalse();
        assertThat(PhoneNumber.isE164("+1 555 000 1000")).isFalse();
        assertThat(PhoneNumber.isE164("client:alice")).isFalse();
    }
}
