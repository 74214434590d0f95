package dev.parley.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlAttributeTest {

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "javascript:alert(1)", "ftp://example.com/x", "data:text/xml,<Response/>"})
    void urlAttributesRefuseSchemesOtherThanHttp(String url) {
        ParseResult result = TwimlParser.lenient().parse("<Response><Gather action=\"" + url.replace("<", "&lt;") + "\"/></Response>");
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(12200);
            assertThat(f.message()).contains("action");
        });
        Gather gather = (Gather) result.response().orElseThrow().verbs().get(0);
        assertThat(gather.action()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/next", "next?x=1", "../up", "https://example.com/a", "http://127.0.0.1:8080/b"})
    void urlAttributesTakeRelativeAndHttpReferences(String url) {
        ParseResult result = TwimlParser.strict().parse("<Response><Gather action=\"" + url + "\"/></Response>");
        assertThat(result.findings()).isEmpty();
        assertThat(((Gather) result.response().orElseThrow().verbs().get(0)).action()).contains(url);
    }
}
