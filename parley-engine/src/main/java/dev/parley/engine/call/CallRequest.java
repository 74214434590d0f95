package dev.parley.engine.call;

import dev.parley.twiml.HttpMethod;
import java.util.List;
import java.util.Optional;

/**
 * A Calls API create request (reference §4.2): where to call, the TwiML to run once answered, and whether the whole
 * call is recorded ({@code Record=true}).
 */
public record CallRequest(String accountSid, String to, String from, Optional<String> url, Optional<String> twiml,
                          HttpMethod method, Optional<String> fallbackUrl, HttpMethod fallbackMethod,
                          Optional<String> statusCallback, HttpMethod statusCallbackMethod,
                          List<String> statusCallbackEvents, int timeoutSeconds,
                          Optional<CallRecordingOptions> recording) {

    /** The defaults of the Calls API: POST, events {@code completed}, 60 s timeout. */
    public static CallRequest of(String accountSid, String to, String from, String url) {
        return new CallRequest(accountSid, to, from, Optional.of(url), Optional.empty(), HttpMethod.POST,
            Optional.empty(), HttpMethod.POST, Optional.empty(), HttpMethod.POST, List.of("completed"), 60,
            Optional.empty());
    }

    public CallRequest withStatusCallback(String url, List<String> events) {
        return new CallRequest(accountSid, to, from, this.url, twiml, method, fallbackUrl, fallbackMethod,
            Optional.of(url), statusCallbackMethod, events, timeoutSeconds, recording);
    }

    public CallRequest withFallback(String url) {
        return new CallRequest(accountSid, to, from, this.url, twiml, method, Optional.of(url), fallbackMethod,
            statusCallback, statusCallbackMethod, statusCallbackEvents, timeoutSeconds, recording);
    }

    public CallRequest withTimeout(int seconds) {
        return new CallRequest(accountSid, to, from, url, twiml, method, fallbackUrl, fallbackMethod,
            statusCallback, statusCallbackMethod, statusCallbackEvents, seconds, recording);
    }

    public static CallRequest inline(String accountSid, String to, String from, String twiml) {
        return new CallRequest(accountSid, to, from, Optional.empty(), Optional.of(twiml), HttpMethod.POST,
            Optional.empty(), HttpMethod.POST, Optional.empty(), HttpMethod.POST, List.of("completed"), 60,
            Optional.empty());
    }

    /** The whole call recorded from its answer ({@code Record=true}). */
    public CallRequest withRecording(CallRecordingOptions options) {
        return new CallRequest(accountSid, to, from, url, twiml, method, fallbackUrl, fallbackMethod, statusCallback,
            statusCallbackMethod, statusCallbackEvents, timeoutSeconds, Optional.of(options));
    }
}
