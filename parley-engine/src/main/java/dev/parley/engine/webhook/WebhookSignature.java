package dev.parley.engine.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Twilio-Signature}, computed exactly as Twilio does it, so that the official validators (e.g.
 * twilio-java's {@code RequestValidator}) accept Parley's requests:
 * <pre>
 *   data      = url + (POST form parameters sorted by name, each appended as name then value)
 *   signature = Base64(HMAC-SHA1(key = auth token, UTF-8; message = data, UTF-8))
 * </pre>
 * <ul>
 *   <li>The URL is the one requested, with its query as written (not sorted, not re-encoded) and without the
 *       {@code #fragment} (which never goes over the wire; Parley keeps connection overrides there). No port is
 *       added or removed: validators try the URL both with and without the default port.</li>
 *   <li>A GET has no form parameters: its parameters are in the query, so the URL covers them.</li>
 *   <li>Names sort by {@link String#compareTo} (UTF-16 code units, case-sensitive), as twilio-java's
 *       {@code Collections.sort} does. The sort is stable: repeated names keep the order they were added
 *       (twilio-java cannot represent repeated names; twilio-node sorts their values).</li>
 * </ul>
 * Reference: Twilio "Webhooks security"; twilio-java {@code RequestValidator} and its test vectors.
 */
public final class WebhookSignature {

    /** The header that carries the signature. */
    public static final String HEADER = "X-Twilio-Signature";

    private static final String HMAC_SHA1 = "HmacSHA1";

    private WebhookSignature() {
    }

    /** The signature of a POST to {@code url} with these form parameters. */
    public static String sign(String authToken, String url, Params formParams) {
        return hmac(authToken, payload(url, formParams));
    }

    /** The signature of a request without form parameters (a GET, whose parameters are in the URL's query). */
    public static String sign(String authToken, String url) {
        return hmac(authToken, Urls.withoutFragment(url));
    }

    /** The string that is signed: the URL without its fragment, then each parameter's name and value by name. */
    public static String payload(String url, Params formParams) {
        List<Param> sorted = new ArrayList<>(formParams.all());
        sorted.sort(Comparator.comparing(Param::name)); // List.sort is stable
        StringBuilder data = new StringBuilder(Urls.withoutFragment(url));
        for (Param p : sorted) {
            data.append(p.name()).append(p.value());
        }
        return data.toString();
    }

    private static String hmac(String authToken, String data) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), HMAC_SHA1));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // HmacSHA1 is required of every JRE; an empty auth token is the only key SecretKeySpec refuses.
            throw new IllegalStateException("cannot compute " + HMAC_SHA1 + ": " + e.getMessage(), e);
        }
    }
}
