package dev.parley.engine.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A debugger alert (NO…) with the fields of Monitor v1's Alert: a Twilio error code about a resource (usually a
 * call), what was requested and what came back. {@code more_info}, {@code url} and {@code api_version} follow from
 * these, so the REST layer derives them.
 */
public record StoredAlert(String sid, String accountSid, Optional<String> resourceSid, Optional<String> serviceSid,
                          int errorCode, String logLevel, String alertText, Optional<String> requestMethod,
                          Optional<String> requestUrl, Optional<String> requestVariables,
                          Optional<String> requestHeaders, Optional<String> responseBody,
                          Optional<String> responseHeaders, Instant dateGenerated, Instant dateCreated,
                          Instant dateUpdated) {

    /** Monitor's log levels. */
    public static final Set<String> LOG_LEVELS = Set.of("error", "warning", "notice", "debug");

    public StoredAlert {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(resourceSid, "resourceSid");
        Objects.requireNonNull(serviceSid, "serviceSid");
        Objects.requireNonNull(alertText, "alertText");
        Objects.requireNonNull(requestMethod, "requestMethod");
        Objects.requireNonNull(requestUrl, "requestUrl");
        Objects.requireNonNull(requestVariables, "requestVariables");
        Objects.requireNonNull(requestHeaders, "requestHeaders");
        Objects.requireNonNull(responseBody, "responseBody");
        Objects.requireNonNull(responseHeaders, "responseHeaders");
        Objects.requireNonNull(dateGenerated, "dateGenerated");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
        if (!LOG_LEVELS.contains(logLevel)) throw new IllegalArgumentException("log level " + logLevel);
    }

    /** An alert about a resource, generated now, with no request details. */
    public static StoredAlert of(String sid, String accountSid, Optional<String> resourceSid, int errorCode,
                                 String logLevel, String alertText, Instant now) {
        return new StoredAlert(sid, accountSid, resourceSid, Optional.empty(), errorCode, logLevel, alertText,
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), now, now, now);
    }

    /** The same alert with the request it is about. */
    public StoredAlert withRequest(String method, String url, String variables) {
        return new StoredAlert(sid, accountSid, resourceSid, serviceSid, errorCode, logLevel, alertText,
            Optional.of(method), Optional.of(url), Optional.of(variables), requestHeaders, responseBody,
            responseHeaders, dateGenerated, dateCreated, dateUpdated);
    }

    /** The same alert with the response that caused it. */
    public StoredAlert withResponse(String headers, String body) {
        return new StoredAlert(sid, accountSid, resourceSid, serviceSid, errorCode, logLevel, alertText,
            requestMethod, requestUrl, requestVariables, requestHeaders, Optional.of(body), Optional.of(headers),
            dateGenerated, dateCreated, dateUpdated);
    }
}
