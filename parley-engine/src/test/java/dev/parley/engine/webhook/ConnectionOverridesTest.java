package dev.parley.engine.webhook;

import static dev.parley.engine.webhook.ConnectionOverrides.RetryOn.CT;
import static dev.parley.engine.webhook.ConnectionOverrides.RetryOn.RT;
import static dev.parley.engine.webhook.ConnectionOverrides.RetryOn.STATUS_4XX;
import static dev.parley.engine.webhook.ConnectionOverrides.RetryOn.STATUS_5XX;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionOverridesTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void twilioDefaults() {
        ConnectionOverrides defaults = ConnectionOverrides.parse("https://app.example.com/voice");
        assertThat(defaults).isEqualTo(ConnectionOverrides.TWILIO_DEFAULTS);
        assertThat(defaults.connectTimeout()).isEqualTo(ms(5000));
        assertThat(defaults.readTimeout()).isEqualTo(ms(15000));
        assertThat(defaults.totalTimeout()).isEqualTo(ms(15000));
        assertThat(defaults.retryCount()).isEqualTo(1);
        assertThat(defaults.maxAttempts()).isEqualTo(2);
        assertThat(defaults.retryPolicy()).containsExactly(CT);
        assertThat(defaults.toFragment()).isEqualTo("ct=5000&rt=15000&tt=15000&rc=1&rp=ct");
    }

    @Test
    void readsEveryKey() {
        ConnectionOverrides o = ConnectionOverrides.parse("https://x.test/y?q=1#ct=1000&rt=2000&tt=9000&rc=2&rp=ct,5xx");
        assertThat(o.connectTimeout()).isEqualTo(ms(1000));
        assertThat(o.readTimeout()).isEqualTo(ms(2000));
        assertThat(o.totalTimeout()).isEqualTo(ms(9000));
        assertThat(o.retryCount()).isEqualTo(2);
        assertThat(o.retryPolicy()).containsExactlyInAnyOrder(CT, STATUS_5XX);
        assertThat(o.retriesStatus(503)).isTrue();
        assertThat(o.retriesStatus(404)).isFalse();
        assertThat(o.retries(RT)).isFalse();
    }

    @Test
    void allMeansEveryKindAndTokensAreCaseInsensitive() {
        assertThat(ConnectionOverrides.parse("https://x.test/#rp=all").retryPolicy())
            .containsExactlyInAnyOrder(CT, RT, STATUS_4XX, STATUS_5XX);
        assertThat(ConnectionOverrides.parse("https://x.test/#RP=4XX,%20rt").retryPolicy())
            .containsExactlyInAnyOrder(STATUS_4XX, RT);
        assertThat(ConnectionOverrides.parse("https://x.test/#rp=ct%2C5xx").retryPolicy())
            .containsExactlyInAnyOrder(CT, STATUS_5XX);
    }

    @Test
    void limitsAreInclusive() {
        ConnectionOverrides low = ConnectionOverrides.parse("https://x.test/#ct=100&rt=100&tt=100&rc=0");
        assertThat(low.connectTimeout()).isEqualTo(ms(100));
        assertThat(low.readTimeout()).isEqualTo(ms(100));
        assertThat(low.totalTimeout()).isEqualTo(ms(100));
        assertThat(low.retryCount()).isZero();
        ConnectionOverrides high = ConnectionOverrides.parse("https://x.test/#ct=10000&rt=15000&tt=15000&rc=5");
        assertThat(high.connectTimeout()).isEqualTo(ms(10000));
        assertThat(high.readTimeout()).isEqualTo(ms(15000));
        assertThat(high.totalTimeout()).isEqualTo(ms(15000));
        assertThat(high.retryCount()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ct=99&rt=99&tt=99&rc=-1&rp=sometimes",
        "ct=10001&rt=15001&tt=15001&rc=6&rp=ct,bogus",
        "ct=abc&rt=1.5&tt=&rc=one&rp=",
        "ct=99999999999999&rt=+200&tt=0x100&rc=1e1&rp=,",
        "ct&rt&=5&&",
    })
    void invalidValuesGetTheDefaults(String fragment) {
        assertThat(ConnectionOverrides.parse("https://x.test/voice#" + fragment))
            .isEqualTo(ConnectionOverrides.TWILIO_DEFAULTS);
    }

    @Test
    void unknownKeysAreIgnoredAndTheLastRepeatWins() {
        ConnectionOverrides o = ConnectionOverrides.parse("https://x.test/#e=ashburn&sni=y&ct=2000&ct=3000&foo=bar");
        assertThat(o.connectTimeout()).isEqualTo(ms(3000));
        assertThat(o.readTimeout()).isEqualTo(ms(15000));
    }

    @Test
    void aPlainFragmentIsNoOverride() {
        assertThat(ConnectionOverrides.parse("https://x.test/page#section-2")).isEqualTo(ConnectionOverrides.TWILIO_DEFAULTS);
        assertThat(ConnectionOverrides.parse("https://x.test/page#")).isEqualTo(ConnectionOverrides.TWILIO_DEFAULTS);
    }

    @Test
    void scaledDefaultsFillWhatTheFragmentDoesNotSet() {
        Timeouts fast = new Timeouts(ms(50), ms(80), ms(300));
        ConnectionOverrides o = ConnectionOverrides.parse("http://127.0.0.1:1/x#rt=200", fast);
        assertThat(o.connectTimeout()).isEqualTo(ms(50));
        assertThat(o.readTimeout()).isEqualTo(ms(200));
        assertThat(o.totalTimeout()).isEqualTo(ms(300));
        assertThat(o.retryCount()).isEqualTo(1);
        assertThat(o.retryPolicy()).containsExactly(CT);
        assertThat(ConnectionOverrides.parse("http://127.0.0.1:1/x#ct=1", fast).connectTimeout()).isEqualTo(ms(50));
    }
}
