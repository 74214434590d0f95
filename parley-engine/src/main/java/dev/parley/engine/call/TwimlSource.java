package dev.parley.engine.call;

import dev.parley.engine.webhook.Params;
import dev.parley.twiml.HttpMethod;
import java.util.Optional;

/** Where a call's next document comes from: a URL to request (with extra parameters), or inline TwiML. */
public sealed interface TwimlSource {

    /** Requested with the call's standard parameters plus {@code extra}; fallback on failure, if any. */
    record Url(String url, HttpMethod method, Params extra, Optional<String> fallbackUrl, HttpMethod fallbackMethod)
        implements TwimlSource {

        public static Url of(String url, HttpMethod method) {
            return new Url(url, method, new Params(), Optional.empty(), HttpMethod.POST);
        }

        public static Url of(String url, HttpMethod method, Params extra) {
            return new Url(url, method, extra, Optional.empty(), HttpMethod.POST);
        }
    }

    /** A {@code Twiml} parameter: it has no URL, so relative URLs in it cannot be resolved. */
    record Inline(String twiml) implements TwimlSource { }
}
