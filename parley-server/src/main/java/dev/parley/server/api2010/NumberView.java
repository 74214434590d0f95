package dev.parley.server.api2010;

import dev.parley.engine.store.StoredNumber;
import dev.parley.server.http.Dates;
import java.util.Map;

/**
 * An incoming phone number as IncomingPhoneNumbers shows it ({@code api.v2010.account.incoming_phone_number}). Parley
 * keeps a number's voice configuration; the rest takes the values of a plain voice number at Twilio: voice capable
 * only, no SMS, no address or emergency registration, {@code origin} {@code hosted} (Parley's numbers are not
 * Twilio's), {@code type} {@code local}, {@code status} {@code in-use}.
 */
record NumberView(String accountSid, String addressSid, String addressRequirements, String apiVersion, boolean beta,
                  Map<String, Boolean> capabilities, String dateCreated, String dateUpdated, String friendlyName,
                  String identitySid, String phoneNumber, String origin, String sid, String smsApplicationSid,
                  String smsFallbackMethod, String smsFallbackUrl, String smsMethod, String smsUrl,
                  String statusCallback, String statusCallbackMethod, String trunkSid, String uri,
                  String voiceReceiveMode, String voiceApplicationSid, boolean voiceCallerIdLookup,
                  String voiceFallbackMethod, String voiceFallbackUrl, String voiceMethod, String voiceUrl,
                  String emergencyStatus, String emergencyAddressSid, String emergencyAddressStatus, String bundleSid,
                  String status, String type) {

    private static final Map<String, Boolean> VOICE_ONLY = Map.of("voice", true, "sms", false, "mms", false, "fax", false);

    static String path(String accountSid, String sid) {
        return AccountPath.of(accountSid, "/IncomingPhoneNumbers/" + sid);
    }

    static NumberView of(StoredNumber n) {
        return new NumberView(n.accountSid(), null, "none", Api2010.API_VERSION, false, VOICE_ONLY,
            Dates.rfc2822(n.dateCreated()), Dates.rfc2822(n.dateUpdated()), n.friendlyName(), null, n.phoneNumber(),
            "hosted", n.sid(), null, "POST", null, "POST", null, n.statusCallback().orElse(null),
            n.statusCallbackMethod().name(), null, path(n.accountSid(), n.sid()) + ".json", "voice", null, false,
            n.voiceFallbackMethod().name(), n.voiceFallbackUrl().orElse(null), n.voiceMethod().name(),
            n.voiceUrl().orElse(null), "Inactive", null, "unregistered", null, "in-use", "local");
    }
}
