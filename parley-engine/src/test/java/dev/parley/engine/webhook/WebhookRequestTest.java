package dev.parley.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.twiml.HttpMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookRequestTest {

    private static final Params PARAMS = Params.of("CallSid", "CA1", "From", "+1 415");

    @Test
    void getAppendsTheParametersToTheQuery() {
        assertThat(WebhookRequest.of(HttpMethod.GET, "https://x.test/v", PARAMS, "t").wireUrl())
            .isEqualTo("https://x.test/v?CallSid=CA1&From=%2B1%20415");
        assertThat(WebhookRequest.of(HttpMethod.GET, "https://x.test/v?a=1#rt=100", PARAMS, "t").wireUrl())
            .isEqualTo("https://x.test/v?a=1&CallSid=CA1&From=%2B1%20415");
        assertThat(WebhookRequest.of(HttpMethod.GET, "https://x.test/v?a=1&", PARAMS, "t").wireUrl())
            .isEqualTo("https://x.test/v?a=1&CallSid=CA1&From=%2B1%20415");
        assertThat(WebhookRequest.of(HttpMethod.GET, "https://x.test/v?a=1", new Params(), "t").wireUrl())
            .isEqualTo("https://x.test/v?a=1");
    }

    @Test
    void postKeepsTheUrlWithoutFragmentAndCredentials() {
        WebhookRequest request = WebhookRequest.of(HttpMethod.POST, "https://u:p%40ss@x.test:8443/v?a=1#ct=1000",
            PARAMS, "t");
        assertThat(request.wireUrl()).isEqualTo("https://x.test:8443/v?a=1");
        assertThat(request.documentUrl()).isEqualTo("https://x.test:8443/v?a=1");
        assertThat(request.signature()).isEqualTo(WebhookSignature.sign("t", "https://x.test:8443/v?a=1", PARAMS));
        assertThat(request.toString()).doesNotContain("p%40ss").doesNotContain("u:");
    }

    @Test
    void nonAsciiCharactersArePercentEncodedBeforeSigning() {
        WebhookRequest request = WebhookRequest.of(HttpMethod.POST, "https://x.test/café?q=€", PARAMS, "t");
        assertThat(request.wireUrl()).isEqualTo("https://x.test/caf%C3%A9?q=%E2%82%AC");
    }

    @Test
    void aRequestNeverChanges() {
        Params params = Params.of("a", "1");
        WebhookRequest request = new WebhookRequest(HttpMethod.POST, "https://x.test/", params, "t", "token-1", Map.of());
        params.add("b", "2");
        request.params().add("c", "3");
        assertThat(request.params().toForm()).isEqualTo("a=1");
        WebhookRequest more = request.withHeader("Cookie", "x=1").withIdempotencyToken("token-2");
        assertThat(more.headers()).containsEntry("Cookie", "x=1");
        assertThat(more.idempotencyToken()).isEqualTo("token-2");
        assertThat(request.headers()).isEmpty();
        assertThat(request.idempotencyToken()).isEqualTo("token-1");
    }

    @Test
    void freshRequestsGetDistinctIdempotencyTokens() {
        String a = WebhookRequest.of(HttpMethod.POST, "https://x.test/", PARAMS, "t").idempotencyToken();
        String b = WebhookRequest.of(HttpMethod.POST, "https://x.test/", PARAMS, "t").idempotencyToken();
        assertThat(a).isNotEqualTo(b).matches("[0-9a-f-]{36}");
    }
}
