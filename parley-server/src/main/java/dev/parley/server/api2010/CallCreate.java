package dev.parley.server.api2010;

import dev.parley.engine.account.Directory;
import dev.parley.engine.account.PhoneNumber;
import dev.parley.engine.call.CallRequest;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;
import dev.parley.twiml.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Calls create request ({@code POST /Calls.json}) read with Twilio's rules and error codes: {@code To} (21201
 * missing, 21211 invalid), {@code From} (21213 missing, 21212 invalid, 21210 not a number of the account),
 * {@code Url} or {@code Twiml} (21205; {@code Url} wins when both are given), methods (21209),
 * {@code StatusCallbackEvent} ({@code initiated ringing answered completed}, repeated or space-separated; default
 * {@code completed}), {@code Timeout} (1 to 600 s, default 60). Parameters Parley does not implement are refused
 * with 20001 rather than silently ignored; {@code Record=false} and the recording options that only matter with
 * {@code Record=true} are accepted.
 */
final class CallCreate {

    /** Twilio's limit on the {@code Twiml} parameter. */
    static final int MAX_TWIML = 4000;
    static final int MAX_TIMEOUT = 600;

    private static final Pattern CLIENT = Pattern.compile("client:[A-Za-z0-9_.@+\\-]{1,256}");
    private static final Pattern SIP = Pattern.compile("sip:\\S+@\\S+");
    private static final Set<String> EVENTS = Set.of("initiated", "ringing", "answered", "completed");
    private static final List<String> UNSUPPORTED = List.of("ApplicationSid", "SendDigits", "MachineDetection",
        "MachineDetectionTimeout", "MachineDetectionSpeechThreshold", "MachineDetectionSpeechEndThreshold",
        "MachineDetectionSilenceTimeout", "AsyncAmd", "AsyncAmdStatusCallback", "AsyncAmdStatusCallbackMethod",
        "CallerId", "SipAuthUsername", "SipAuthPassword", "Byoc", "CallToken", "TimeLimit", "ClientNotificationUrl");

    private CallCreate() {
    }

    static CallRequest read(Params params, String accountSid, Directory directory) {
        FormRules.unsupported(params, UNSUPPORTED);
        if (params.bool("Record").orElse(false)) throw FormRules.notSupported("Record=true (recording a whole call)");
        String to = params.first("To").map(String::strip).filter(v -> !v.isEmpty())
            .orElseThrow(() -> new ApiException(400, 21201, "A 'To' phone number is required."));
        if (!isParty(to)) {
            throw new ApiException(400, 21211, "The 'To' number " + Params.quoted(to) + " is not a valid phone number.");
        }
        String from = from(params, accountSid, directory);
        Optional<String> url = FormRules.url(params, "Url", 21205);
        Optional<String> twiml = url.isPresent() ? Optional.empty() : params.first("Twiml").filter(v -> !v.isBlank());
        if (url.isEmpty() && twiml.isEmpty()) {
            throw new ApiException(400, 21205, "Url parameter is required. Give Url or Twiml.");
        }
        if (twiml.isPresent() && twiml.get().length() > MAX_TWIML) {
            throw ApiException.badRequest("Twiml is too long: " + twiml.get().length() + " characters, at most "
                + MAX_TWIML);
        }
        Optional<String> statusCallback = FormRules.url(params, "StatusCallback", 21205);
        return new CallRequest(accountSid, to, from, url, twiml, FormRules.method(params, "Method", 21209),
            FormRules.url(params, "FallbackUrl", 21205), FormRules.method(params, "FallbackMethod", 21209),
            statusCallback, FormRules.method(params, "StatusCallbackMethod", 21209), events(params), timeout(params));
    }

    /** {@code From}: a number of the account (Parley has no verified caller IDs) or a {@code client:} identity. */
    private static String from(Params params, String accountSid, Directory directory) {
        String from = params.first("From").map(String::strip).filter(v -> !v.isEmpty())
            .orElseThrow(() -> new ApiException(400, 21213, "A 'From' phone number is required."));
        if (CLIENT.matcher(from).matches() || SIP.matcher(from).matches()) return from;
        if (!PhoneNumber.isE164(from)) {
            throw new ApiException(400, 21212, "The 'From' number " + Params.quoted(from) + " is not a valid phone number.");
        }
        boolean owned = directory.numberByAddress(from).filter(n -> n.accountSid().equals(accountSid)).isPresent();
        if (!owned) {
            throw new ApiException(400, 21210, "The source phone number provided, " + from + ", is not yet verified for"
                + " your account. You may only make calls from phone numbers that you've verified or purchased from"
                + " Twilio (in Parley: one of the account's IncomingPhoneNumbers).");
        }
        return from;
    }

    static boolean isParty(String address) {
        return PhoneNumber.isE164(address) || CLIENT.matcher(address).matches() || SIP.matcher(address).matches();
    }

    private static List<String> events(Params params) {
        List<String> events = new ArrayList<>();
        for (String value : params.all("StatusCallbackEvent")) {
            for (String event : value.strip().split("[\\s,]+")) {
                if (event.isEmpty()) continue;
                String e = event.toLowerCase(Locale.ROOT);
                if (!EVENTS.contains(e)) {
                    throw ApiException.badRequest("Invalid StatusCallbackEvent: " + Params.quoted(event)
                        + ", expected initiated, ringing, answered or completed");
                }
                if (!events.contains(e)) events.add(e);
            }
        }
        return events.isEmpty() ? List.of("completed") : events;
    }

    private static int timeout(Params params) {
        Optional<String> value = params.first("Timeout").map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) return 60;
        try {
            int seconds = Integer.parseInt(value.get());
            if (seconds >= 1 && seconds <= MAX_TIMEOUT) return seconds;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("Invalid Timeout: " + Params.quoted(value.get()) + ", expected 1 to "
            + MAX_TIMEOUT + " seconds");
    }

    static HttpMethod method(Params params, String name) {
        return FormRules.method(params, name, 21209);
    }
}
