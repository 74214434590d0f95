package dev.parley.engine.call;

import dev.parley.twiml.Dial;
import dev.parley.twiml.DialTarget;
import dev.parley.twiml.Number;
import java.util.Optional;

/**
 * Twilio's rule for the caller ID a dialled leg shows ({@code <Dial callerId>}, warning 13214): dialling a phone
 * number, it must be the calling number, the called number, or a number of the account (Twilio also accepts the
 * account's verified outgoing caller IDs, which Parley does not have yet); when the caller is a client
 * ({@code client:…}) a caller ID is required. Dialling a {@code <Client>} or a {@code <Sip>} URI, any caller ID
 * goes (a client identity, typically). Without {@code callerId} the leg shows the caller's number.
 */
final class CallerId {

    static final int INVALID_CALLER_ID = 13214;
    private static final String CLIENT = "client:";

    private CallerId() {
    }

    /** The caller ID for a target, or empty (alert 13214 raised) when Twilio would not dial it with that one. */
    static Optional<String> forTarget(CallRun run, Dial dial, DialTarget target) {
        String callerId = dial.callerId().orElse(run.call.from());
        if (!(target instanceof Number) || valid(run, callerId)) return Optional.of(callerId);
        run.context.alert(run.call, INVALID_CALLER_ID, "Dial: Invalid callerId value '" + callerId + "' to dial "
            + target.address() + ": it must be the calling number, the called number or a number of the account",
            Optional.empty(), Optional.empty());
        return Optional.empty();
    }

    private static boolean valid(CallRun run, String callerId) {
        if (callerId.startsWith(CLIENT)) return false;
        return callerId.equals(run.call.from()) || callerId.equals(run.call.to())
            || run.context.isAccountNumber(run.call.accountSid(), callerId);
    }
}
