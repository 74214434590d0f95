package dev.parley.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.twiml.Hangup;
import dev.parley.twiml.Play;
import dev.parley.twiml.Say;
import dev.parley.twiml.TwimlParser;
import dev.parley.twiml.Verb;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwimlFetchTest {

    private static final String URL = "https://app.example.com/voice";
    private static final String SAY_HELLO = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Hello</Say></Response>";

    private static WebhookOutcome.Delivered delivered(int status, String contentType, byte[] body) {
        return new WebhookOutcome.Delivered(status, contentType, body, URL, 1, Duration.ofMillis(3));
    }

    private static WebhookOutcome.Delivered delivered(int status, String contentType, String body) {
        return delivered(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static TwimlFetch.Result interpret(WebhookOutcome outcome) {
        return TwimlFetch.interpret(outcome, URL + "#rt=2000");
    }

    private static List<Verb> verbs(TwimlFetch.Result result) {
        assertThat(result).isInstanceOf(TwimlFetch.Runnable.class);
        return ((TwimlFetch.Runnable) result).document().verbs();
    }

    private static TwimlFetch.Failure failure(TwimlFetch.Result result) {
        assertThat(result).isInstanceOf(TwimlFetch.Failure.class);
        return (TwimlFetch.Failure) result;
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/xml", "application/xml", "text/html", "text/xml; charset=utf-8",
        "TEXT/XML;charset=\"UTF-8\"", " application/xml ; charset=UTF-8 ; q=1"})
    void twimlTypesAreParsed(String contentType) {
        TwimlFetch.Result result = interpret(delivered(200, contentType, SAY_HELLO));
        assertThat(verbs(result)).singleElement().isInstanceOfSatisfying(Say.class, say -> assertThat(say.text()).isEqualTo("Hello"));
        assertThat(((TwimlFetch.Runnable) result).documentUrl()).isEqualTo(URL);
        assertThat(((TwimlFetch.Runnable) result).warnings()).isEmpty();
    }

    @Test
    void anyTwoHundredStatusRuns() {
        assertThat(verbs(interpret(delivered(201, "text/xml", SAY_HELLO)))).hasSize(1);
        assertThat(verbs(interpret(delivered(204, "text/xml", "<Response/>")))).isEmpty();
    }

    @Test
    void aCharsetOtherThanUtf8DecodesTheBody() {
        byte[] latin1 = "<Response><Say>Grüße</Say></Response>".getBytes(Charset.forName("ISO-8859-1"));
        List<Verb> verbs = verbs(interpret(delivered(200, "text/xml; charset=ISO-8859-1", latin1)));
        assertThat(((Say) verbs.get(0)).text()).isEqualTo("Grüße");
    }

    @Test
    void warningsAreReportedAndTheDocumentRuns() {
        TwimlFetch.Result result = interpret(delivered(200, "text/xml", "<Response><say>x</say><Say>Hi</Say></Response>"));
        assertThat(verbs(result)).hasSize(1);
        assertThat(((TwimlFetch.Runnable) result).warnings()).singleElement()
            .satisfies(w -> assertThat(w.code()).isEqualTo(12200));
    }

    @Test
    void aDocumentThatDoesNotParseFailsWithTheFirstErrorCode() {
        TwimlFetch.Failure notXml = failure(interpret(delivered(200, "text/xml", "<Response><Say>unclosed</Response>")));
        assertThat(notXml.errorCode()).isEqualTo(12100);
        assertThat(notXml.findings()).isNotEmpty();
        TwimlFetch.Failure conversation = failure(interpret(delivered(200, "application/xml",
            "<Response><Connect><Conversation/></Connect></Response>")));
        assertThat(conversation.errorCode()).isEqualTo(32501);
        TwimlFetch.Failure strict = failure(TwimlFetch.interpret(delivered(200, "text/xml",
            "<Response><say>x</say></Response>"), URL, TwimlParser.strict()));
        assertThat(strict.errorCode()).isEqualTo(12200);
    }

    @Test
    void bodiesOverSixtyFourKilobytesFailWith11750() {
        String padding = "<!--" + "x".repeat(HttpWebhookTransport.MAX_BODY_BYTES) + "-->";
        byte[] tooLarge = ("<Response>" + padding + "</Response>").getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(tooLarge, HttpWebhookTransport.MAX_BODY_BYTES + 1);
        assertThat(failure(interpret(delivered(200, "text/xml", cut))).errorCode()).isEqualTo(11750);
        assertThat(failure(interpret(delivered(200, "text/plain", cut))).errorCode()).isEqualTo(11750);

        String exactly = "<Response><Say>a</Say>" + " ".repeat(HttpWebhookTransport.MAX_BODY_BYTES
            - "<Response><Say>a</Say></Response>".length()) + "</Response>";
        assertThat(exactly.length()).isEqualTo(HttpWebhookTransport.MAX_BODY_BYTES);
        assertThat(verbs(interpret(delivered(200, "text/xml", exactly)))).hasSize(1);
    }

    @Test
    void plainTextIsSaidThenTheCallHangsUp() {
        List<Verb> verbs = verbs(interpret(delivered(200, "text/plain; charset=utf-8", "Thanks for calling. Goodbye!")));
        assertThat(verbs).hasSize(2);
        assertThat(((Say) verbs.get(0)).text()).isEqualTo("Thanks for calling. Goodbye!");
        assertThat(verbs.get(1)).isInstanceOf(Hangup.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"audio/mpeg", "audio/wav", "audio/wave", "audio/x-wav", "audio/basic", "audio/x-gsm",
        "audio/aiff", "audio/x-aiff", "audio/ulaw", "Audio/MPEG; bitrate=128"})
    void audioIsPlayedFromTheFinalUrlThenTheCallHangsUp(String contentType) {
        List<Verb> verbs = verbs(interpret(delivered(200, contentType, new byte[] {1, 2, 3})));
        assertThat(verbs).hasSize(2);
        assertThat(((Play) verbs.get(0)).url()).isEqualTo(URL);
        assertThat(verbs.get(1)).isInstanceOf(Hangup.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "application/json", "text/csv", "application/octet-stream", "image/png", "xml"})
    void otherOrMissingContentTypesFailWith12300(String contentType) {
        TwimlFetch.Failure failure = failure(interpret(delivered(200, contentType, SAY_HELLO)));
        assertThat(failure.errorCode()).isEqualTo(12300);
        assertThat(failure.findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 410, 429, 500, 502, 503, 599})
    void errorStatusesFailWith11217NamingTheStatus(int status) {
        TwimlFetch.Failure failure = failure(interpret(delivered(status, "text/xml", SAY_HELLO)));
        assertThat(failure.errorCode()).isEqualTo(11217);
        assertThat(failure.message()).contains("HTTP " + status).contains(URL);
    }

    @Test
    void otherNonSuccessStatusesFailWith11200() {
        TwimlFetch.Failure failure = failure(interpret(delivered(304, "text/xml", "")));
        assertThat(failure.errorCode()).isEqualTo(11200);
        assertThat(failure.message()).contains("HTTP 304");
    }

    @Test
    void transportFailuresKeepTheirCode() {
        TwimlFetch.Failure failure = failure(interpret(
            new WebhookOutcome.Failed(11210, "cannot resolve host app.example.com", 1, Duration.ofMillis(5))));
        assertThat(failure.errorCode()).isEqualTo(11210);
        assertThat(failure.message()).contains("cannot resolve host").contains("(requesting " + URL + ")");
        assertThat(failure.findings()).isEmpty();
    }
}
