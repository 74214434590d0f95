package dev.parley.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class Rfc2822Test {

    @Test
    void formatsLikeTwilioCallbacks() {
        assertThat(Rfc2822.format(Instant.parse("2018-11-02T10:52:29Z"))).isEqualTo("Fri, 02 Nov 2018 10:52:29 +0000");
        assertThat(Rfc2822.format(Instant.parse("2018-03-25T09:53:19.999Z"))).isEqualTo("Sun, 25 Mar 2018 09:53:19 +0000");
        assertThat(Rfc2822.format(Instant.parse("2022-05-07T00:58:19Z"))).isEqualTo("Sat, 07 May 2022 00:58:19 +0000");
    }

    @Test
    void parsesBothDayFormsAndGmt() {
        Instant expected = Instant.parse("2022-05-07T00:58:19Z");
        assertThat(Rfc2822.parse("Sat, 7 May 2022 00:58:19 +0000")).isEqualTo(expected);
        assertThat(Rfc2822.parse("Sat, 07 May 2022 00:58:19 +0000")).isEqualTo(expected);
        assertThat(Rfc2822.parse("Sat, 7 May 2022 00:58:19 GMT")).isEqualTo(expected);
        assertThat(Rfc2822.parse(Rfc2822.format(expected))).isEqualTo(expected);
    }
}
