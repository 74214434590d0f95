package dev.parley.engine.account;

import dev.parley.twiml.HttpMethod;
import java.time.Instant;
import java.util.Optional;

/** An incoming phone number (PN…) of an account, with Twilio's voice configuration. */
public record PhoneNumber(String sid, String accountSid, String phoneNumber, String friendlyName,
                          Optional<String> voiceUrl, HttpMethod voiceMethod,
                          Optional<String> voiceFallbackUrl, HttpMethod voiceFallbackMethod,
                          Optional<String> statusCallback, HttpMethod statusCallbackMethod,
                          Instant dateCreated) {

    public PhoneNumber withVoiceUrl(String url) {
        return new PhoneNumber(sid, accountSid, phoneNumber, friendlyName, Optional.of(url), voiceMethod,
            voiceFallbackUrl, voiceFallbackMethod, statusCallback, statusCallbackMethod, dateCreated);
    }
}
