package dev.parley.engine.webhook;

/**
 * The Twilio error codes this package produces, in one place (Twilio's error dictionary,
 * https://www.twilio.com/docs/api/errors/NNNNN).
 */
public final class WebhookErrors {

    /** Invalid URL format: not an absolute http(s) URL, or a character a URL cannot hold. */
    public static final int INVALID_URL = 11100;
    /** HTTP retrieval failure: the generic failure, for anything not named below. */
    public static final int HTTP_RETRIEVAL_FAILURE = 11200;
    /**
     * HTTP connection failure: connection refused, connect timeout, and also the read and total timers (11205's
     * page describes both timers: "If either of those timers expire, we fail the request"). Twilio's dictionary
     * also has 11201 "TCP connection timed out", 11202 "TCP connection refused" and 11203 "HTTP communication
     * total time out triggered"; Parley reports 11205 for all of them, as a default-configured Twilio does.
     */
    public static final int HTTP_CONNECTION_FAILURE = 11205;
    /** HTTP protocol violation: a response that is not valid HTTP. */
    public static final int HTTP_PROTOCOL_VIOLATION = 11206;
    /** HTTP bad host name: the host does not resolve. */
    public static final int HTTP_BAD_HOST_NAME = 11210;
    /** HTTP too many redirects: more than {@link HttpWebhookTransport#MAX_REDIRECTS} in a row. */
    public static final int HTTP_TOO_MANY_REDIRECTS = 11215;
    /**
     * HTTP invalid redirect: a 3xx that Twilio does not follow (it follows only 301, 302, 303 and 307) or one
     * without a usable {@code Location}.
     */
    public static final int HTTP_INVALID_REDIRECT = 11216;
    /** HTTP error response code: the server answered 4xx or 5xx. */
    public static final int HTTP_ERROR_RESPONSE = 11217;
    /** SSL/TLS handshake error. */
    public static final int TLS_HANDSHAKE = 11220;
    /** TwiML response body too large: over 64 KB. */
    public static final int RESPONSE_TOO_LARGE = 11750;
    /** Invalid Content-Type: a TwiML URL answered with a type Twilio cannot run. */
    public static final int INVALID_CONTENT_TYPE = 12300;

    private WebhookErrors() {
    }
}
