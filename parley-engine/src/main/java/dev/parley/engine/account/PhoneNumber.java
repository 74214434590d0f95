package dev.parley.engine.account;

import dev.parley.twiml.HttpMethod;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** An incoming phone number (PN…) of an account, with Twilio's voice configuration. */
public record PhoneNumber(String sid, String accountSid, String phoneNumber, String friendlyName,
                          Optional<String> voiceUrl, HttpMethod voiceMethod,
                          Optional<String> voiceFallbackUrl, HttpMethod voiceFallbackMethod,
                          Optional<String> statusCallback, HttpMethod statusCallbackMethod,
                          Instant dateCreated) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    /** Whether a number is in E.164: {@code +}, a country code not starting with 0, at most 15 digits in all. */
    public static boolean isE164(String number) {
        return E164.matcher(number).matches();
    }

    public PhoneNumber withVoiceUrl(String url) {
        return new PhoneNumber(sid, accountSid, phoneNumber, friendlyName, Optional.of(url), voiceMethod,
            voiceFallbackUrl, voiceFallbackMethod, statusCallback, statusCallbackMethod, dateCreated);
    }
}
