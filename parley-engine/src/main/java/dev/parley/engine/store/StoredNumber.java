package dev.parley.engine.store;

import dev.parley.twiml.HttpMethod;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An incoming phone number (PN…) of an account with its voice configuration, as IncomingPhoneNumbers shows it. */
public record StoredNumber(String sid, String accountSid, String phoneNumber, String friendlyName,
                           Optional<String> voiceUrl, HttpMethod voiceMethod,
                           Optional<String> voiceFallbackUrl, HttpMethod voiceFallbackMethod,
                           Optional<String> statusCallback, HttpMethod statusCallbackMethod,
                           Instant dateCreated, Instant dateUpdated) {

    public StoredNumber {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(voiceUrl, "voiceUrl");
        Objects.requireNonNull(voiceMethod, "voiceMethod");
        Objects.requireNonNull(voiceFallbackUrl, "voiceFallbackUrl");
        Objects.requireNonNull(voiceFallbackMethod, "voiceFallbackMethod");
        Objects.requireNonNull(statusCallback, "statusCallback");
        Objects.requireNonNull(statusCallbackMethod, "statusCallbackMethod");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
    }

    /** A number with Twilio's defaults: friendly name as the number, POST everywhere, no URLs. */
    public static StoredNumber of(String sid, String accountSid, String phoneNumber, Instant now) {
        return new StoredNumber(sid, accountSid, phoneNumber, phoneNumber, Optional.empty(), HttpMethod.POST,
            Optional.empty(), HttpMethod.POST, Optional.empty(), HttpMethod.POST, now, now);
    }

    public StoredNumber withVoiceUrl(String url, HttpMethod method, Instant now) {
        return new StoredNumber(sid, accountSid, phoneNumber, friendlyName, Optional.of(url), method,
            voiceFallbackUrl, voiceFallbackMethod, statusCallback, statusCallbackMethod, dateCreated, now);
    }

    public StoredNumber withVoiceFallbackUrl(String url, HttpMethod method, Instant now) {
        return new StoredNumber(sid, accountSid, phoneNumber, friendlyName, voiceUrl, voiceMethod,
            Optional.of(url), method, statusCallback, statusCallbackMethod, dateCreated, now);
    }

    public StoredNumber withStatusCallback(String url, HttpMethod method, Instant now) {
        return new StoredNumber(sid, accountSid, phoneNumber, friendlyName, voiceUrl, voiceMethod,
            voiceFallbackUrl, voiceFallbackMethod, Optional.of(url), method, dateCreated, now);
    }

    public StoredNumber withFriendlyName(String name, Instant now) {
        return new StoredNumber(sid, accountSid, phoneNumber, name, voiceUrl, voiceMethod,
            voiceFallbackUrl, voiceFallbackMethod, statusCallback, statusCallbackMethod, dateCreated, now);
    }
}
