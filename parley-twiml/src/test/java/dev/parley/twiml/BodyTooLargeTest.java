package dev.parley.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 11750 "TwiML response body too large": a body over 64 KB (65,536 bytes of UTF-8) is refused before it is
 * read; a body of exactly 64 KB is read. Sizes are counted in bytes, so multi-byte characters count for more
 * than one.
 */
class BodyTooLargeTest {

    private static final int LIMIT = 64 * 1024;
    private static final String PREFIX = "<Response><Say>";
    private static final String SUFFIX = "</Say></Response>";

    @Test
    void limitIs64KiB() {
        assertThat(TwimlParser.MAX_BODY_BYTES).isEqualTo(65_536);
    }

    @ParameterizedTest
    @EnumSource(Compliance.class)
    void stringOfExactly64KiBIsRead(Compliance compliance) {
        String document = sayDocument(LIMIT, "a");

        ParseResult result = TwimlParser.of(compliance).parse(document);

        assertThat(result.findings()).isEmpty();
        assertThat(result.runnable()).isTrue();
        assertThat(((Say) result.response().orElseThrow().verbs().get(0)).text()).hasSize(LIMIT - PREFIX.length() - SUFFIX.length());
    }

    @ParameterizedTest
    @EnumSource(Compliance.class)
    void bytesOfExactly64KiBAreRead(Compliance compliance) {
        byte[] body = sayDocument(LIMIT, "a").getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(LIMIT);

        ParseResult result = TwimlParser.of(compliance).parse(body);

        assertThat(result.findings()).isEmpty();
        assertThat(result.runnable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Compliance.class)
    void stringOneBytePastTheLimitIs11750(Compliance compliance) {
        assertTooLarge(TwimlParser.of(compliance).parse(sayDocument(LIMIT + 1, "a")), LIMIT + 1);
    }

    @ParameterizedTest
    @EnumSource(Compliance.class)
    void bytesOneBytePastTheLimitAre11750(Compliance compliance) {
        byte[] body = sayDocument(LIMIT + 1, "a").getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(LIMIT + 1);

        assertTooLarge(TwimlParser.of(compliance).parse(body), LIMIT + 1);
    }

    /** Fillers of 2, 3 and 4 bytes in UTF-8: é, €, and an emoji outside the BMP (two chars in a Java String). */
    @ParameterizedTest
    @ValueSource(strings = {"\u00E9", "\u20AC", "\uD83D\uDE00"})
    void multiByteCharactersCountAsTheirUtf8Bytes(String filler) {
        String atLimit = sayDocument(LIMIT, filler);
        String pastLimit = sayDocument(LIMIT + 1, filler);
        assertThat(atLimit.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT);
        assertThat(pastLimit.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT + 1);
        assertThat(pastLimit.length()).as("chars").isLessThan(LIMIT);

        assertThat(TwimlParser.lenient().parse(atLimit).findings()).isEmpty();
        assertThat(TwimlParser.lenient().parse(atLimit.getBytes(StandardCharsets.UTF_8)).findings()).isEmpty();
        assertTooLarge(TwimlParser.lenient().parse(pastLimit), LIMIT + 1);
        assertTooLarge(TwimlParser.lenient().parse(pastLimit.getBytes(StandardCharsets.UTF_8)), LIMIT + 1);
    }

    @Test
    void fewCharactersCanBeTooManyBytes() {
        // 21,846 characters of three bytes each: a third of the limit in chars, just over it in bytes.
        String document = "\u20AC".repeat(21_846);

        assertTooLarge(TwimlParser.lenient().parse(document), 65_538);
    }

    @Test
    void sizeIsCheckedBeforeWellFormedness() {
        String garbage = "<<<&&&".repeat(LIMIT / 6 + 1);

        assertTooLarge(TwimlParser.lenient().parse(garbage), garbage.length());
        assertTooLarge(TwimlParser.strict().parse(garbage.getBytes(StandardCharsets.UTF_8)), garbage.length());
    }

    @Test
    void byteOrderMarkCountsTowardsTheSize() {
        byte[] atLimit = withByteOrderMark(sayDocument(LIMIT - 3, "a"));
        byte[] pastLimit = withByteOrderMark(sayDocument(LIMIT - 2, "a"));
        assertThat(atLimit).hasSize(LIMIT);

        assertThat(TwimlParser.lenient().parse(atLimit).findings()).isEmpty();
        assertTooLarge(TwimlParser.lenient().parse(pastLimit), LIMIT + 1);
    }

    @Test
    void bytesWithinTheLimitAreNotTooLargeWhateverTheyDecodeTo() {
        // 64 KiB of bytes that are not UTF-8: each decodes to U+FFFD, three bytes when counted as UTF-8 again.
        byte[] body = new byte[LIMIT];
        Arrays.fill(body, (byte) 0xFF);
        byte[] prefix = PREFIX.getBytes(StandardCharsets.UTF_8);
        byte[] suffix = SUFFIX.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(suffix, 0, body, LIMIT - suffix.length, suffix.length);

        ParseResult result = TwimlParser.lenient().parse(body);

        assertThat(result.findings()).extracting(Finding::code).doesNotContain(11750);
    }

    /** A {@code <Say>} document of exactly {@code bytes} bytes of UTF-8, its text made of the filler (then ASCII). */
    static String sayDocument(int bytes, String filler) {
        int room = bytes - PREFIX.length() - SUFFIX.length();
        int size = filler.getBytes(StandardCharsets.UTF_8).length;
        String text = filler.repeat(room / size) + "a".repeat(room % size);
        String document = PREFIX + text + SUFFIX;
        assertThat(document.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return document;
    }

    private static byte[] withByteOrderMark(String document) {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[bytes.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, body, 3, bytes.length);
        return body;
    }

    private static void assertTooLarge(ParseResult result, int bytes) {
        assertThat(result.response()).isEmpty();
        assertThat(result.runnable()).isFalse();
        assertThat(result.findings()).hasSize(1);
        Finding finding = result.findings().get(0);
        assertThat(finding.code()).isEqualTo(11750);
        assertThat(finding.error()).isEqualTo(TwimlError.RESPONSE_TOO_LARGE);
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message()).contains(bytes + " bytes", "65536");
        // About the document as a whole: no position.
        assertThat(finding.line()).isZero();
        assertThat(finding.column()).isZero();
    }
}
