package dev.parley.engine.webhook;

import dev.parley.twiml.Finding;
import dev.parley.twiml.Hangup;
import dev.parley.twiml.ParseResult;
import dev.parley.twiml.Play;
import dev.parley.twiml.Say;
import dev.parley.twiml.Severity;
import dev.parley.twiml.TwimlError;
import dev.parley.twiml.TwimlParser;
import dev.parley.twiml.VoiceResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a call runs after fetching a TwiML URL: Twilio's reading of the response ("TwiML Voice: Your Response").
 * <table>
 *   <caption>Decisions, in order</caption>
 *   <tr><td>transport failure</td><td>its code (11100, 11200, 11205, 11206, 11210, 11215, 11216, 11220)</td></tr>
 *   <tr><td>4xx or 5xx</td><td>11217 "HTTP error response code" (the status is in the message)</td></tr>
 *   <tr><td>another non-2xx (1xx, an unfollowed 3xx)</td><td>11200 "HTTP retrieval failure"</td></tr>
 *   <tr><td>{@code text/xml}, {@code application/xml}, {@code text/html}</td><td>parsed as TwiML: over 64 KB
 *       11750; a document with an error finding fails with the first error's code (12100, 12200 in strict mode,
 *       32501); warnings (12200) are reported and the document runs</td></tr>
 *   <tr><td>{@code text/plain}</td><td>read aloud, then hang up: {@code <Say>text</Say><Hangup/>} (over 64 KB
 *       11750)</td></tr>
 *   <tr><td>{@code audio/*}</td><td>played, then hang up: {@code <Play>final URL</Play><Hangup/>}</td></tr>
 *   <tr><td>no or another {@code Content-Type}</td><td>12300 "Invalid Content-Type"</td></tr>
 * </table>
 * Media types are matched without parameters and case; a {@code charset} parameter other than UTF-8 decodes the
 * body (UTF-8 otherwise).
 *
 * <p>Why 11217 and not 11200 for a 4xx or 5xx: Twilio's error dictionary has a dedicated code whose page reads
 * "your server responded with a 4xx or 5xx status code"; 11200 is the generic "HTTP retrieval failure". Older
 * Twilio logs (and many forum posts) show 11200 for these; {@link #HTTP_ERROR_STATUS_CODE} is the one place to
 * change it.
 */
public final class TwimlFetch {

    /** The code a 4xx or 5xx response earns. */
    public static final int HTTP_ERROR_STATUS_CODE = WebhookErrors.HTTP_ERROR_RESPONSE;

    /** The media types whose body is TwiML. */
    public static final Set<String> TWIML_TYPES = Set.of("text/xml", "application/xml", "text/html");

    private TwimlFetch() {
    }

    /** What the call does next: run a document, or fail with a Twilio error code. */
    public sealed interface Result permits Runnable, Failure {
    }

    /**
     * The call runs {@code document}.
     *
     * @param documentUrl the URL the document came from (after redirects): the base for its relative URLs
     * @param warnings    findings that do not stop the document (to be raised as alerts)
     */
    public record Runnable(VoiceResponse document, String documentUrl, List<Finding> warnings) implements Result {
        public Runnable {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(documentUrl, "documentUrl");
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The fetch failed: Twilio's code (for the alert and the fallback URL's {@code ErrorCode}) and what happened.
     *
     * @param findings every finding of a document that did not parse; empty for HTTP-level failures
     */
    public record Failure(int errorCode, String message, List<Finding> findings) implements Result {
        public Failure {
            Objects.requireNonNull(message, "message");
            findings = List.copyOf(findings);
        }
    }

    /**
     * Decides with Twilio's lenient parser.
     *
     * @param requestedUrl the URL that was requested, named in the message of a transport failure (a response
     *                     names its own {@link WebhookOutcome.Delivered#finalUrl()})
     */
    public static Result interpret(WebhookOutcome outcome, String requestedUrl) {
        return interpret(outcome, requestedUrl, TwimlParser.lenient());
    }

    /** Decides with the given parser (e.g. {@link TwimlParser#strict()} for CI). */
    public static Result interpret(WebhookOutcome outcome, String requestedUrl, TwimlParser parser) {
        return switch (outcome) {
            case WebhookOutcome.Failed failed -> new Failure(failed.twilioErrorCode(),
                naming(failed.message(), requestedUrl), List.of());
            case WebhookOutcome.Delivered delivered -> fromResponse(delivered, parser);
        };
    }

    /**
     * The code of a request that got no 2xx answer, by the first three rows of the table above: the transport
     * failure's own code, 11217 for a 4xx or 5xx, 11200 for another status; empty for a 2xx.
     */
    public static Optional<Integer> httpFailureCode(WebhookOutcome outcome) {
        return switch (outcome) {
            case WebhookOutcome.Failed failed -> Optional.of(failed.twilioErrorCode());
            case WebhookOutcome.Delivered d when d.successful() -> Optional.empty();
            case WebhookOutcome.Delivered d when d.status() >= 400 && d.status() <= 599 ->
                Optional.of(HTTP_ERROR_STATUS_CODE);
            case WebhookOutcome.Delivered d -> Optional.of(WebhookErrors.HTTP_RETRIEVAL_FAILURE);
        };
    }

    private static Result fromResponse(WebhookOutcome.Delivered response, TwimlParser parser) {
        String url = response.finalUrl();
        Optional<Integer> httpFailure = httpFailureCode(response);
        if (httpFailure.isPresent()) {
            return new Failure(httpFailure.get(), "HTTP " + response.status() + " response from " + url, List.of());
        }
        String type = response.mediaType();
        if (type.isEmpty()) {
            return new Failure(WebhookErrors.INVALID_CONTENT_TYPE, "the response from " + url
                + " has no Content-Type", List.of());
        }
        if (type.startsWith("audio/")) {
            return new Runnable(new VoiceResponse(List.of(Play.builder(url).build(), Hangup.builder().build())),
                url, List.of());
        }
        boolean twiml = TWIML_TYPES.contains(type);
        if (!twiml && !type.equals("text/plain")) {
            return new Failure(WebhookErrors.INVALID_CONTENT_TYPE, "the response from " + url + " has Content-Type "
                + response.contentType() + ": TwiML needs text/xml, application/xml or text/html (or text/plain to "
                + "read aloud, audio/* to play)", List.of());
        }
        if (response.bodyTooLarge()) {
            String message = "the response body from " + url + " is over " + HttpWebhookTransport.MAX_BODY_BYTES
                + " bytes";
            return new Failure(WebhookErrors.RESPONSE_TOO_LARGE, message,
                List.of(new Finding(TwimlError.RESPONSE_TOO_LARGE, Severity.ERROR, message, 0, 0)));
        }
        Optional<Charset> charset = charset(response.contentType());
        if (!twiml) {
            String text = new String(response.body(), charset.orElse(StandardCharsets.UTF_8));
            return new Runnable(new VoiceResponse(List.of(Say.builder(text).build(), Hangup.builder().build())),
                url, List.of());
        }
        ParseResult parsed = charset.filter(c -> !c.equals(StandardCharsets.UTF_8))
            .map(c -> parser.parse(new String(response.body(), c)))
            .orElseGet(() -> parser.parse(response.body()));
        if (parsed.runnable()) {
            return new Runnable(parsed.response().orElseThrow(), url, parsed.warnings());
        }
        Optional<Finding> first = parsed.firstError();
        return new Failure(first.map(Finding::code).orElse(TwimlError.DOCUMENT_PARSE_FAILURE.code()),
            "the TwiML from " + url + " does not run: " + first.map(Finding::toString).orElse("no document"),
            parsed.findings());
    }

    /** The message, naming the URL (without fragment and credentials) if it does not already. */
    private static String naming(String message, String url) {
        String shown = Urls.withoutUserInfo(Urls.withoutFragment(url));
        return message.contains(shown) ? message : message + " (requesting " + shown + ")";
    }

    /** The {@code charset} parameter of a Content-Type, when present and known to the JRE. */
    private static Optional<Charset> charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            int eq = parameter.indexOf('=');
            if (eq < 0 || !parameter.substring(0, eq).trim().equalsIgnoreCase("charset")) continue;
            String name = parameter.substring(eq + 1).trim().replace("\"", "").toLowerCase(Locale.ROOT);
            try {
                return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
