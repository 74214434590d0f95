package dev.parley.engine.call;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A debugger alert (NO…) as Monitor v1 shows it: a Twilio error code about a resource, usually a call. */
public record Alert(String sid, String accountSid, Optional<String> resourceSid, int errorCode, String logLevel,
                    String alertText, Optional<String> requestUrl, Optional<String> requestMethod, Instant dateCreated) {

    /** Codes Twilio logs as warnings (the call goes on): 12200 schema, 13214 caller ID, 32503 Conversation callback. */
    private static final Set<Integer> WARNINGS = Set.of(12200, 13214, 32503);

    /** Twilio's {@code log_level} of an error code: {@code warning} or {@code error}. */
    static String level(int code) {
        return WARNINGS.contains(code) ? "warning" : "error";
    }
}
