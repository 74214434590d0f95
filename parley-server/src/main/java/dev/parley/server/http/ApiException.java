package dev.parley.server.http;

import dev.parley.engine.account.AccountException;

/**
 * A request Parley refuses, answered with Twilio's error body ({@link TwilioError}): an HTTP status and Twilio's
 * error code. Thrown by route handlers; {@link HttpErrors} renders it.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final int code;

    public ApiException(int status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** 400, 20001: a parameter is missing or malformed. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, 20001, message);
    }

    /** 400, 20001: Twilio's wording for a required parameter that is missing. */
    public static ApiException missing(String parameter) {
        return badRequest("Missing required parameter " + parameter + " in the post body");
    }

    /** 404, 20404, in Twilio's wording. */
    public static ApiException notFound(String path) {
        return new ApiException(404, 20404, "The requested resource " + path + " was not found");
    }

    /** 400, 21220: the call is not in a state that allows the action. */
    public static ApiException invalidCallState(String message) {
        return new ApiException(400, 21220, "Invalid call state: " + message);
    }

    /** An engine rule's refusal, with the HTTP status Twilio gives its code. */
    public static ApiException of(AccountException e) {
        int status = switch (e.code()) {
            case 20404 -> 404;
            case 20403 -> 403;
            default -> 400;
        };
        return new ApiException(status, e.code(), e.getMessage());
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public TwilioError body() {
        return TwilioError.of(code, getMessage(), status);
    }
}
