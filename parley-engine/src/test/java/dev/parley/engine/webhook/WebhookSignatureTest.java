package dev.parley.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import dev.parley.twiml.HttpMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {

    private static final String TOKEN = "12345";
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static Params twilioJavaVectorParams() {
        return Params.of("From", "+14158675309", "CallSid", "CA1234567890ABCDE", "Caller", "+14158675309",
            "Digits", "1234", "To", "+18005551212");
    }

    // Vectors from twilio-java RequestValidatorTest and Twilio's "Webhooks security" page (reference §6).

    @Test
    void twilioJavaVector() {
        assertThat(WebhookSignature.sign(TOKEN, URL, twilioJavaVectorParams())).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void twilioJavaVectorWithExplicitPortIsSignedAsWritten() {
        assertThat(WebhookSignature.sign(TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2",
            twilioJavaVectorParams())).isEqualTo("kvajT1Ptam85bY51eRf/AJRuM3w=");
    }

    @Test
    void twilioDocsVector() {
        Params params = Params.of("Caller", "+12349013030", "CallSid", "CA1234567890ABCDE", "Digits", "1234",
            "From", "+12349013030", "To", "+18005551212");
        assertThat(WebhookSignature.sign(TOKEN, URL, params)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    @Test
    void urlOnlyVector() {
        assertThat(WebhookSignature.sign(TOKEN, URL)).isEqualTo("zYQTYrRWXE7LtzbG4PfP7/bkkGo=");
        assertThat(WebhookSignature.sign(TOKEN, URL, new Params())).isEqualTo("zYQTYrRWXE7LtzbG4PfP7/bkkGo=");
    }

    @Test
    void bodySha256UrlVector() {
        String url = URL + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
        assertThat(WebhookSignature.sign(TOKEN, url)).isEqualTo("a9nBmqA0ju/hNViExpshrM61xv4=");
    }

    @Test
    void theFragmentIsNotSigned() {
        assertThat(WebhookSignature.sign(TOKEN, URL + "#ct=1000&rt=2000&rc=2&rp=ct,5xx", twilioJavaVectorParams()))
            .isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(WebhookSignature.sign(TOKEN, URL + "#rc=0")).isEqualTo("zYQTYrRWXE7LtzbG4PfP7/bkkGo=");
    }

    @Test
    void payloadSortsNamesCaseSensitivelyAndKeepsRepeatedNamesInOrder() {
        Params params = new Params().add("b", "2").add("B", "1").add("a", "y").add("a", "x").add("_", "");
        assertThat(WebhookSignature.payload("https://x.test/p#rt=100", params)).isEqualTo("https://x.test/pB1_ayaxb2");
    }

    @Test
    void insertionOrderOfDistinctNamesDoesNotMatter() {
        Params reversed = new Params();
        twilioJavaVectorParams().all().reversed().forEach(reversed::add);
        assertThat(WebhookSignature.sign(TOKEN, URL, reversed)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    // twilio-java's RequestValidator (test scope) accepts what Parley signs.

    @ParameterizedTest
    @ValueSource(strings = {
        "https://mycompany.com/myapp.php",
        "https://mycompany.com:8443/myapp.php?foo=1&bar=2",
        "http://127.0.0.1:49152/voice?tenant=a%20b&x=%E2%82%AC",
        "https://example.com/voice/incoming?To=%2B15551234567",
        "https://example.com:443/voice",
        "http://example.com/",
    })
    void requestValidatorAcceptsParleysPostSignatures(String url) {
        Params params = Params.of("AccountSid", "AC" + "0".repeat(32), "CallSid", "CA" + "1".repeat(32),
            "From", "+14155550100", "To", "client:alice", "CallerName", "Zoë Ünïcødé 日本 👋",
            "SpeechResult", "one + one = two & more", "Empty", "");
        WebhookRequest request = WebhookRequest.of(HttpMethod.POST, url + "#ct=1000&rc=2", params, "a-token");
        assertThat(new RequestValidator("a-token").validate(url, asMap(params), request.signature())).isTrue();
        assertThat(new RequestValidator("another-token").validate(url, asMap(params), request.signature())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://mycompany.com/myapp.php",
        "http://127.0.0.1:49152/voice?existing=1",
        "https://example.com:8443/voice?",
    })
    void requestValidatorAcceptsParleysGetSignatures(String url) {
        Params params = Params.of("CallSid", "CA" + "1".repeat(32), "From", "+14155550100",
            "CallerName", "Zoë 日本", "Digits", "1#");
        WebhookRequest request = WebhookRequest.of(HttpMethod.GET, url + "#rt=2000", params, "a-token");
        String wire = request.wireUrl();
        assertThat(wire).doesNotContain("#").contains("CallerName=Zo%C3%AB%20%E6%97%A5%E6%9C%AC");
        assertThat(new RequestValidator("a-token").validate(wire, Map.of(), request.signature())).isTrue();
    }

    @Test
    void requestValidatorRejectsATamperedParameter() {
        Params params = Params.of("Digits", "1234", "CallSid", "CA1");
        String signature = WebhookSignature.sign("a-token", "https://example.com/gather", params);
        Map<String, String> tampered = asMap(params);
        tampered.put("Digits", "9999");
        assertThat(new RequestValidator("a-token").validate("https://example.com/gather", tampered, signature)).isFalse();
    }

    private static Map<String, String> asMap(Params params) {
        Map<String, String> map = new LinkedHashMap<>();
        params.forEach(p -> map.put(p.name(), p.value()));
        return map;
    }
}
