package dev.parley.engine.call;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule for the parameters a caller's device sends with its call (a Voice SDK client's
 * {@code device.connect({params})}, e.g. a Frontline worker's {@code ConversationSid}): they reach the call's first
 * webhook as they are, beside Twilio's standard request parameters, so a device may use any name but those. A
 * device's {@code From} or {@code CallSid} would otherwise sit next to Parley's own and the app would read the wrong
 * one.
 */
public final class DeviceParameters {

    /**
     * Twilio's standard request parameters of a voice webhook (reference §5.1, with the legacy {@code Caller…} and
     * {@code Called…} duplicates), and the ones Twilio adds for a client's call ({@code ApplicationSid}) or a
     * verified caller ({@code StirVerstat}); Parley sends some of them, Twilio may send all.
     */
    public static final Set<String> STANDARD = Set.of(
        "AccountSid", "ApiVersion", "ApplicationSid", "CallSid", "CallStatus", "CallToken", "Called", "CalledCity",
        "CalledCountry", "CalledState", "CalledZip", "Caller", "CallerCity", "CallerCountry", "CallerName",
        "CallerState", "CallerZip", "Direction", "ForwardedFrom", "From", "FromCity", "FromCountry", "FromState",
        "FromZip", "ParentCallSid", "StirVerstat", "To", "ToCity", "ToCountry", "ToState", "ToZip");

    private DeviceParameters() {
    }

    /** Whether a device may send a parameter of this name: not blank, and none of {@link #STANDARD}. */
    public static boolean allowed(String name) {
        return !name.isBlank() && !STANDARD.contains(name);
    }

    /** The first name a device may not send, if any. */
    public static Optional<String> firstRefused(Map<String, String> parameters) {
        return parameters.keySet().stream().filter(name -> !allowed(name)).findFirst();
    }

    /**
     * The parameters, checked.
     *
     * @throws IllegalArgumentException when a name is blank or one of Twilio's standard parameters
     */
    public static Map<String, String> check(Map<String, String> parameters) {
        firstRefused(parameters).ifPresent(name -> {
            throw new IllegalArgumentException("a device's call parameter may not be named '" + name
                + "': blank, or one of Twilio's standard request parameters, which Parley sets itself");
        });
        return parameters;
    }
}
