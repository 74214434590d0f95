package dev.parley.engine.webhook;

import dev.parley.twiml.HttpMethod;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One webhook Parley sends to an app: a TwiML fetch, an action, a status or recording callback.
 *
 * @param method           GET or POST
 * @param url              the URL as configured: absolute, may carry {@code user:password@} (sent as HTTP Basic
 *                         authentication) and a {@code #fragment} of {@link ConnectionOverrides}; neither part is
 *                         sent in the URL nor signed
 * @param params           the form parameters: the POST body, or appended to the query of a GET
 * @param authToken        the account's auth token, which signs the request
 * @param idempotencyToken sent as {@code I-Twilio-Idempotency-Token}, the same on every retry of this request;
 *                         a callback that survives a restart should keep its token
 * @param headers          extra request headers (e.g. {@code Cookie}); empty for none. The transport's own headers
 *                         win over these; headers the JDK client reserves ({@code Host}, {@code Connection},
 *                         {@code Content-Length}, {@code Expect}, {@code Upgrade}) are refused with an
 *                         {@link IllegalArgumentException} when sent.
 */
public record WebhookRequest(HttpMethod method, String url, Params params, String authToken, String idempotencyToken,
                             Map<String, String> headers) {

    public WebhookRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(idempotencyToken, "idempotencyToken");
        params = Objects.requireNonNull(params, "params").copy();
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A request with a fresh random idempotency token and no extra headers. */
    public static WebhookRequest of(HttpMethod method, String url, Params params, String authToken) {
        return new WebhookRequest(method, url, params, authToken, UUID.randomUUID().toString(), Map.of());
    }

    /** A copy of the parameters (a request never changes). */
    @Override
    public Params params() {
        return params.copy();
    }

    public WebhookRequest withIdempotencyToken(String token) {
        return new WebhookRequest(method, url, params, authToken, token, headers);
    }

    public WebhookRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new WebhookRequest(method, url, params, authToken, idempotencyToken, more);
    }

    /**
     * The URL of the document this request asks for: the configured URL without fragment and credentials, with
     * non-ASCII characters percent-encoded. A GET's parameters are not part of it. Relative URLs in the TwiML
     * that comes back resolve against it (unless a redirect moved the document).
     */
    public String documentUrl() {
        return Urls.toAscii(Urls.withoutUserInfo(Urls.withoutFragment(url)));
    }

    /** The URL as it goes over the wire: {@link #documentUrl()}, plus the parameters in the query of a GET. */
    public String wireUrl() {
        String document = documentUrl();
        return method == HttpMethod.GET ? Urls.appendQuery(document, params.toForm()) : document;
    }

    /** {@code X-Twilio-Signature} of the request as first sent (a redirect is signed anew for its URL). */
    public String signature() {
        return method == HttpMethod.POST ? WebhookSignature.sign(authToken, wireUrl(), params)
            : WebhookSignature.sign(authToken, wireUrl());
    }

    /** The connection overrides in the URL's fragment; timers it does not set come from {@code defaults}. */
    public ConnectionOverrides overrides(Timeouts defaults) {
        return ConnectionOverrides.parse(url, defaults);
    }

    /** Hides the auth token and any credentials in the URL. */
    @Override
    public String toString() {
        return "WebhookRequest[" + method + " " + Urls.withoutUserInfo(url) + " " + params + ", idempotencyToken="
            + idempotencyToken + ", headers=" + headers.keySet() + "]";
    }
}
