package dev.parley.server.control;

import dev.parley.engine.account.PhoneNumber;
import dev.parley.server.http.Json;

/** A phone number as JSON, with the field names of Twilio's IncomingPhoneNumber resource. */
record PhoneNumberView(String sid, String accountSid, String phoneNumber, String friendlyName, String voiceUrl,
                       String voiceMethod, String voiceFallbackUrl, String voiceFallbackMethod, String statusCallback,
                       String statusCallbackMethod, String dateCreated, String url) {

    static String path(PhoneNumber number) {
        return ControlApi.BASE + "/PhoneNumbers/" + number.sid();
    }

    static PhoneNumberView of(PhoneNumber n, String url) {
        return new PhoneNumberView(n.sid(), n.accountSid(), n.phoneNumber(), n.friendlyName(), n.voiceUrl().orElse(null),
            n.voiceMethod().name(), n.voiceFallbackUrl().orElse(null), n.voiceFallbackMethod().name(),
            n.statusCallback().orElse(null), n.statusCallbackMethod().name(), Json.instant(n.dateCreated()), url);
    }
}
