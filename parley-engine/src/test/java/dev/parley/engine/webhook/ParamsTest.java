package dev.parley.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void keepsInsertionOrderAndRepeatedNames() {
        Params params = new Params().add("To", "+1").add("From", "+2").add("To", "+3");
        assertThat(params.all()).containsExactly(new Param("To", "+1"), new Param("From", "+2"), new Param("To", "+3"));
        assertThat(params.get("To")).contains("+1");
        assertThat(params.getAll("To")).containsExactly("+1", "+3");
        assertThat(params.get("Digits")).isEmpty();
        assertThat(params.size()).isEqualTo(3);
    }

    @Test
    void setReplacesEveryOccurrenceAtTheFirstPosition() {
        Params params = Params.of("a", "1", "b", "2", "a", "3").set("a", "9").set("c", "4");
        assertThat(params.toForm()).isEqualTo("a=9&b=2&c=4");
        assertThat(params.remove("b").toForm()).isEqualTo("a=9&c=4");
    }

    @Test
    void formEncodingIsUtf8WithSpacesAsPercent20() {
        Params params = Params.of("Timestamp", "Sun, 25 Mar 2018 09:53:19 +0000", "CalledCity", "SÃO PAULO",
            "Body", "a&b=c~*", "Emoji", "👋");
        assertThat(params.toForm()).isEqualTo("Timestamp=Sun%2C%2025%20Mar%202018%2009%3A53%3A19%20%2B0000"
            + "&CalledCity=S%C3%83O%20PAULO&Body=a%26b%3Dc%7E*&Emoji=%F0%9F%91%8B");
    }

    @Test
    void parseFormReadsWhatToFormWrites() {
        Params params = Params.of("x", "1 + 1", "y", "", "x", "ü&=", "z z", "%");
        assertThat(Params.parseForm(params.toForm())).isEqualTo(params);
        assertThat(Params.parseForm("a=1+2&&b&c=%2B").all())
            .containsExactly(new Param("a", "1 2"), new Param("b", ""), new Param("c", "+"));
    }

    @Test
    void copiesAreIndependent() {
        Params original = Params.of("a", "1");
        Params copy = original.copy().add("b", "2");
        assertThat(original.size()).isEqualTo(1);
        assertThat(copy.size()).isEqualTo(2);
        assertThatThrownBy(() -> original.all().add(new Param("c", "3"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesNullsAndOddPairs() {
        assertThatThrownBy(() -> new Params().add("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Params.of("a")).isInstanceOf(IllegalArgumentException.class);
    }
}
