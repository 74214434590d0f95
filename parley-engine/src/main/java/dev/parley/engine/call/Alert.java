package dev.parley.engine.call;

import java.time.Instant;
import java.util.Optional;

/** A debugger alert (NO…) as Monitor v1 shows it: a Twilio error code about a resource, usually a call. */
public record Alert(String sid, String accountSid, Optional<String> resourceSid, int errorCode, String logLevel,
                    String alertText, Optional<String> requestUrl, Optional<String> requestMethod, Instant dateCreated) {
}
