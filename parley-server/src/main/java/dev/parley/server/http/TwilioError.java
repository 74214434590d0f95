package dev.parley.server.http;

/** Twilio's REST error body: {@code {"code":20404,"message":"…","more_info":"https://www.twilio.com/docs/errors/20404","status":404}}. */
public record TwilioError(int code, String message, String moreInfo, int status) {

    public static TwilioError of(int code, String message, int status) {
        return new TwilioError(code, message, "https://www.twilio.com/docs/errors/" + code, status);
    }
}
