package dev.parley.server.v1.frontline;

import dev.parley.engine.account.PhoneNumber;
import dev.parley.engine.conversation.WorkerParams;
import dev.parley.engine.conversation.WorkerState;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;

/**
 * The form of Twilio's Frontline User update: {@code FriendlyName}, {@code Avatar}, {@code State}
 * ({@code active} or {@code deactivated}), {@code IsAvailable} ({@code false} keeps the user out of pool routing);
 * on Parley's own paths also {@code PhoneNumber}, a number of the worker's own that Parley dials instead of
 * {@code client:<identity>}. An empty text clears the field.
 */
public final class UserForm {

    private UserForm() {
    }

    public static WorkerParams read(Params params, boolean parleyFields) {
        WorkerParams p = WorkerParams.NONE;
        if (params.has("FriendlyName")) p = p.withFriendlyName(params.first("FriendlyName").orElse(""));
        if (params.has("Avatar")) p = p.withAvatar(params.first("Avatar").orElse(""));
        if (params.has("State")) p = p.withState(state(params.first("State").orElse("")));
        if (params.has("IsAvailable")) p = p.withAvailable(params.bool("IsAvailable").orElseThrow());
        if (params.has("PhoneNumber")) {
            if (!parleyFields) throw ApiException.badRequest("PhoneNumber is Parley's: set it at /parley/v1/Frontline/Users");
            String number = params.first("PhoneNumber").orElse("");
            if (!number.isEmpty() && !PhoneNumber.isE164(number)) {
                throw ApiException.badRequest("Invalid PhoneNumber: " + Params.quoted(number) + " (E.164, e.g. +15550001234)");
            }
            p = p.withPhoneNumber(number);
        }
        return p;
    }

    private static WorkerState state(String value) {
        return WorkerState.of(value).orElseThrow(() -> ApiException.badRequest(
            "Invalid State: " + Params.quoted(value) + " (active or deactivated)"));
    }
}
