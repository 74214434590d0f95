package dev.parley.server.control;

import dev.parley.engine.call.DeviceParameters;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parameters a phone sends with the call it places, as a Voice SDK client's
 * {@code device.connect({params: {...}})} does: {@code Params.NAME=VALUE} in a form, {@code "Params.NAME": "VALUE"}
 * in JSON (a dotted name, as Twilio's forms spell nested ones, e.g. Conversations' {@code Configuration.Url}). Each
 * reaches the app's first webhook as {@code NAME=VALUE}; a
 * Frontline worker's call sends {@code Params.ConversationSid=CH…}. Twilio's standard request parameters
 * ({@link DeviceParameters}) are refused, as is a name given twice.
 */
final class CallParameters {

    static final String PREFIX = "Params.";

    private CallParameters() {
    }

    static Map<String, String> read(Params params) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String given : params.names().stream().filter(n -> n.startsWith(PREFIX)).sorted().toList()) {
            String name = given.substring(PREFIX.length());
            if (!DeviceParameters.allowed(name)) {
                throw ApiException.badRequest("Invalid " + given + ": " + (name.isBlank() ? "a parameter needs a name"
                    : name + " is one of Twilio's standard request parameters, which Parley sets itself; "
                    + "give the parameter another name"));
            }
            List<String> values = params.all(given);
            if (values.size() != 1) {
                throw ApiException.badRequest("Invalid " + given + ": given " + values.size() + " times; a call "
                    + "parameter has one value");
            }
            out.put(name, values.getFirst());
        }
        return out;
    }
}
