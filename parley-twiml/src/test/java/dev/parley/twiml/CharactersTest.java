package dev.parley.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The character table answers, for every char, what XML 1.0 and {@link String#strip()} say. */
class CharactersTest {

    @Test
    void everyCharIsClassedAsTheRulesSay() {
        for (int i = 0; i <= 0xFFFF; i++) {
            char c = (char) i;
            boolean illegal = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF';
            boolean nameStart = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
                || (c >= 0xC0 && c != 0xD7 && c != 0xF7 && !illegal);
            String hex = String.format("U+%04X", i);
            assertThat(Characters.is(c, Characters.NAME_START)).as("name start " + hex).isEqualTo(nameStart);
            assertThat(Characters.is(c, Characters.NAME)).as("name " + hex)
                .isEqualTo(nameStart || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == 0xB7);
            assertThat(Characters.is(c, Characters.SPACE)).as("space " + hex)
                .isEqualTo(c == ' ' || c == '\t' || c == '\n' || c == '\r');
            assertThat(Characters.is(c, Characters.ILLEGAL)).as("illegal " + hex).isEqualTo(illegal);
            assertThat(Characters.is(c, Characters.TEXT_SPECIAL)).as("text " + hex)
                .isEqualTo(illegal || c == '\r' || c == '<' || c == '&' || c == '>');
            assertThat(Characters.is(c, Characters.ATTRIBUTE_SPECIAL)).as("attribute value " + hex)
                .isEqualTo(illegal || c < 0x20 || c == '"' || c == '\'' || c == '<' || c == '&');
            assertThat(Characters.is(c, Characters.STRIPPED)).as("stripped " + hex)
                .isEqualTo(String.valueOf(c).strip().isEmpty());
        }
    }
}
