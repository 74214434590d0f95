package dev.parley.twiml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Relative URLs in TwiML resolve against the URL of the document they appear in, by RFC 3986 §5.2 (reference
 * §7.2). The examples are RFC 3986 §5.4 verbatim, with its base {@code http://a/b/c/d;p?q}.
 */
class UrlResolverTest {

    private static final String BASE = "http://a/b/c/d;p?q";

    /** RFC 3986 §5.4.1. */
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        g:h       | g:h
        g         | http://a/b/c/g
        ./g       | http://a/b/c/g
        g/        | http://a/b/c/g/
        /g        | http://a/g
        //g       | http://g
        ?y        | http://a/b/c/d;p?y
        g?y       | http://a/b/c/g?y
        #s        | http://a/b/c/d;p?q#s
        g#s       | http://a/b/c/g#s
        g?y#s     | http://a/b/c/g?y#s
        ;x        | http://a/b/c/;x
        g;x       | http://a/b/c/g;x
        g;x?y#s   | http://a/b/c/g;x?y#s
        ''        | http://a/b/c/d;p?q
        .         | http://a/b/c/
        ./        | http://a/b/c/
        ..        | http://a/b/
        ../       | http://a/b/
        ../g      | http://a/b/g
        ../..     | http://a/
        ../../    | http://a/
        ../../g   | http://a/g
        """)
    void normalExamples(String reference, String expected) {
        assertResolves(reference, expected);
    }

    /** RFC 3986 §5.4.2, with the strict reading of {@code http:g}. */
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        ../../../g    | http://a/g
        ../../../../g | http://a/g
        /./g          | http://a/g
        /../g         | http://a/g
        g.            | http://a/b/c/g.
        .g            | http://a/b/c/.g
        g..           | http://a/b/c/g..
        ..g           | http://a/b/c/..g
        ./../g        | http://a/b/g
        ./g/.         | http://a/b/c/g/
        g/./h         | http://a/b/c/g/h
        g/../h        | http://a/b/c/h
        g;x=1/./y     | http://a/b/c/g;x=1/y
        g;x=1/../y    | http://a/b/c/y
        g?y/./x       | http://a/b/c/g?y/./x
        g?y/../x      | http://a/b/c/g?y/../x
        g#s/./x       | http://a/b/c/g#s/./x
        g#s/../x      | http://a/b/c/g#s/../x
        http:g        | http:g
        """)
    void abnormalExamples(String reference, String expected) {
        assertResolves(reference, expected);
    }

    private static void assertResolves(String reference, String expected) {
        assertThat(UrlResolver.resolve(BASE, reference)).isEqualTo(expected);
        assertThat(UrlResolver.resolve(Optional.of(BASE), reference)).contains(expected);
    }

    /** What TwiML apps write: relative to the webhook that returned the document. */
    @ParameterizedTest(name = "\"{1}\" against {0}")
    @CsvSource(delimiter = '|', textBlock = """
        https://app.example.com/voice/incoming?From=%2B1555 | gather-done          | https://app.example.com/voice/gather-done
        https://app.example.com/voice/incoming?From=%2B1555 | /status              | https://app.example.com/status
        https://app.example.com/voice/incoming?From=%2B1555 | ?step=2              | https://app.example.com/voice/incoming?step=2
        https://app.example.com/voice/incoming?From=%2B1555 | ../menu.xml          | https://app.example.com/menu.xml
        https://app.example.com/voice/                      | next                 | https://app.example.com/voice/next
        https://app.example.com                             | next                 | https://app.example.com/next
        https://app.example.com?x=1                         | next?y=2             | https://app.example.com/next?y=2
        https://app.example.com:8443/a/b                    | //cdn.example.com/x  | https://cdn.example.com/x
        https://app.example.com/a/b                         | '  /padded  '        | https://app.example.com/padded
        """)
    void typicalTwimlReferences(String base, String reference, String expected) {
        assertThat(UrlResolver.resolve(base, reference)).isEqualTo(expected);
        assertThat(UrlResolver.resolve(Optional.of(base), reference)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://example.com/twiml/next?x=1#frag",
        "http://example.com",
        "HTTPS://Example.COM/Path",
        "http://user:pw@example.com:8080/a;p?q=1&r=2",
        "sip:alice@example.com",
        "tel:+15551234567"})
    void absoluteReferenceIsReturnedAsWritten(String reference) {
        assertThat(UrlResolver.resolve(Optional.of(BASE), reference)).contains(reference);
        assertThat(UrlResolver.resolve(Optional.empty(), reference)).contains(reference);
        assertThat(UrlResolver.resolve(BASE, reference)).isEqualTo(reference);
    }

    @Test
    void absoluteReferenceLosesOnlyItsDotSegmentsAndSurroundingSpace() {
        assertThat(UrlResolver.resolve(Optional.empty(), " https://example.com/a/./b/../c?x=../y ")).contains("https://example.com/a/c?x=../y");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/next", "next", "../next", "?step=2", "#f", "", "//cdn.example.com/x", "./g:h"})
    void relativeReferenceWithoutBaseCannotBeResolved(String reference) {
        assertThat(UrlResolver.resolve(Optional.empty(), reference)).isEmpty();
    }

    @Test
    void baseThatIsNotAbsoluteIsRefused() {
        assertThatThrownBy(() -> UrlResolver.resolve("/voice/incoming", "next")).isInstanceOf(IllegalArgumentException.class);
    }

    /** RFC 3986 §5.2.4's own walk-throughs. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/a/b/c/./../../g, /a/g",
        "mid/content=5/../6, mid/6",
        "/., /",
        "/.., /",
        "., ''",
        "'', ''",
        "/a/b/.., /a/",
        "/a//b/../c, /a//c"})
    void removeDotSegments(String path, String expected) {
        assertThat(UrlResolver.removeDotSegments(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://example.com",
        "https://example.com/a?b#c",
        "HTTPS://EXAMPLE.COM",
        "http://user:pw@host:8080/x",
        "  http://example.com  ",
        "http://[::1]:8080/",
        "http://10.0.0.1/r"})
    void absoluteHttpUrls(String url) {
        assertThat(UrlResolver.isAbsoluteHttp(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/relative",
        "relative",
        "?q",
        "",
        "ftp://example.com",
        "file:///etc/passwd",
        "mailto:a@example.com",
        "javascript:alert(1)",
        "http:/example.com",
        "http:example.com",
        "http://",
        "http:///path",
        "http://:80/",
        "http://user@",
        "//example.com/x",
        "httpx://example.com",
        "https//example.com"})
    void notAbsoluteHttpUrls(String url) {
        assertThat(UrlResolver.isAbsoluteHttp(url)).isFalse();
    }
}
