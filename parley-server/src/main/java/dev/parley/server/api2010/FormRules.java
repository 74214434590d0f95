package dev.parley.server.api2010;

import dev.parley.engine.webhook.Rfc2822;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;
import dev.parley.twiml.HttpMethod;
import dev.parley.twiml.UrlResolver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Twilio's rules for the values of 2010-04-01 parameters that several resources share: URLs are absolute http(s),
 * methods {@code GET} or {@code POST}, and list dates {@code YYYY-MM-DD} in UTC. Each resource refuses a bad value
 * with its own code (a call's {@code Url}: 21205, {@code Method}: 21209; a number's URLs: 21402, methods: 21403).
 */
final class FormRules {

    private static final List<Function<String, Instant>> DATE_PARSERS = List.of(
        text -> LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant(),
        text -> OffsetDateTime.parse(text).toInstant(),
        text -> LocalDateTime.parse(text).toInstant(ZoneOffset.UTC),
        Rfc2822::parse);

    private FormRules() {
    }

    /**
     * Refuses the parameters of {@code names} that the request gives (not blank): Twilio's parameters that Parley does
     * not implement are refused (20001) rather than silently ignored.
     */
    static void unsupported(Params params, List<String> names) {
        for (String name : names) {
            if (params.first(name).filter(v -> !v.isBlank()).isPresent()) throw notSupported(name);
        }
    }

    static ApiException notSupported(String what) {
        return ApiException.badRequest(what + " is not supported by Parley (docs/rest-api.md lists what is)");
    }

    /** An absolute http(s) URL, when given and not blank. */
    static Optional<String> url(Params params, String name, int code) {
        Optional<String> url = params.first(name).map(String::strip).filter(v -> !v.isEmpty());
        if (url.isPresent() && !UrlResolver.isAbsoluteHttp(url.get())) {
            throw new ApiException(400, code, name + " is not a valid URL: " + url.get());
        }
        return url;
    }

    /** {@code GET} or {@code POST} (any case), {@code POST} when not given. */
    static HttpMethod method(Params params, String name, int code) {
        String value = params.first(name).map(String::strip).filter(v -> !v.isEmpty()).orElse("POST");
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "GET" -> HttpMethod.GET;
            case "POST" -> HttpMethod.POST;
            default -> throw new ApiException(400, code, "Invalid " + name + ": " + Params.quoted(value)
                + ", expected GET or POST");
        };
    }

    /**
     * A date of a list filter: {@code YYYY-MM-DD} (a UTC day), or a date and time: ISO 8601 with an offset, without
     * one (read as UTC, as twilio-java sends {@code 2026-01-01T00:00:00}), or RFC 2822.
     */
    static Instant date(String name, String value) {
        String text = value.strip();
        for (Function<String, Instant> parser : DATE_PARSERS) {
            try {
                return parser.apply(text);
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        throw ApiException.badRequest("Invalid " + name + ": expected a date as YYYY-MM-DD, got " + Params.quoted(value));
    }
}
