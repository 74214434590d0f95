package dev.parley.engine.call;

import dev.parley.twiml.HttpMethod;
import java.util.List;
import java.util.Optional;

/**
 * How a call was set up: its fallback URL and status callback (from the number or the Calls API request), and
 * for API calls the ring timeout and whether the whole call is recorded ({@code Record=true}).
 */
public record CallSettings(Optional<String> fallbackUrl, HttpMethod fallbackMethod,
                           Optional<String> statusCallback, HttpMethod statusCallbackMethod,
                           List<String> statusCallbackEvents, int timeoutSeconds,
                           Optional<CallRecordingOptions> recording) {

    public CallSettings {
        statusCallbackEvents = List.copyOf(statusCallbackEvents);
    }

    /** A call that is not recorded as a whole. */
    public CallSettings(Optional<String> fallbackUrl, HttpMethod fallbackMethod, Optional<String> statusCallback,
                        HttpMethod statusCallbackMethod, List<String> statusCallbackEvents, int timeoutSeconds) {
        this(fallbackUrl, fallbackMethod, statusCallback, statusCallbackMethod, statusCallbackEvents, timeoutSeconds,
            Optional.empty());
    }

    public static CallSettings none() {
        return new CallSettings(Optional.empty(), HttpMethod.POST, Optional.empty(), HttpMethod.POST,
            List.of("completed"), 60);
    }
}
