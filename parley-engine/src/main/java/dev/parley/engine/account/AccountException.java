package dev.parley.engine.account;

/**
 * A rule about accounts or their numbers refused a change. Carries Twilio's error code (e.g. 21101 a subaccount
 * cannot own subaccounts) so that an API can answer with Twilio's error body.
 */
public final class AccountException extends RuntimeException {

    private final int code;

    public AccountException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** Twilio's error code. */
    public int code() {
        return code;
    }
}
