package dev.parley.engine.webhook;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/** What came of a {@link WebhookRequest}: an HTTP response of any status, or a failure to get one. */
public sealed interface WebhookOutcome {

    /** HTTP requests made, retries included (redirect hops within one attempt are not counted). */
    int attempts();

    /** From the first byte sent to the outcome, across retries and redirects. */
    Duration latency();

    /**
     * The app answered (the last attempt's response, after redirects). Any status: callers decide what a non-2xx
     * means (e.g. 11217 for a TwiML fetch, a warning for a status callback).
     *
     * @param contentType the {@code Content-Type} header as sent, parameters included; empty when absent
     * @param body        at most {@link HttpWebhookTransport#MAX_BODY_BYTES} + 1 bytes: a longer body is cut
     *                    there, so {@link #bodyTooLarge()} tells that it was over the limit
     * @param finalUrl    the URL of the document: the request's {@link WebhookRequest#documentUrl()}, or the last
     *                    redirect's target (no fragment; a GET's own parameters not included)
     */
    record Delivered(int status, String contentType, byte[] body, String finalUrl, int attempts, Duration latency)
        implements WebhookOutcome {

        public Delivered {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(finalUrl, "finalUrl");
            Objects.requireNonNull(latency, "latency");
            body = body.clone();
        }

        /** A copy of the body bytes. */
        @Override
        public byte[] body() {
            return body.clone();
        }

        public int bodyLength() {
            return body.length;
        }

        public boolean successful() {
            return status >= 200 && status < 300;
        }

        /** Whether the body was longer than Twilio's 64 KB limit (it was cut at one byte over). */
        public boolean bodyTooLarge() {
            return body.length > HttpWebhookTransport.MAX_BODY_BYTES;
        }

        /** The media type without parameters, lower case, e.g. {@code text/xml}; empty when absent. */
        public String mediaType() {
            int semicolon = contentType.indexOf(';');
            return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Delivered d && status == d.status && attempts == d.attempts
                && contentType.equals(d.contentType) && Arrays.equals(body, d.body) && finalUrl.equals(d.finalUrl)
                && latency.equals(d.latency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, contentType, Arrays.hashCode(body), finalUrl, attempts, latency);
        }

        @Override
        public String toString() {
            return "Delivered[" + status + " " + contentType + " " + body.length + " bytes from " + finalUrl + ", "
                + attempts + " attempt(s) in " + latency.toMillis() + " ms]";
        }
    }

    /**
     * No usable HTTP response: Twilio's error code (see {@link WebhookErrors}) and what happened.
     *
     * @param twilioErrorCode 11100, 11200, 11205, 11206, 11210, 11215, 11216 or 11220
     * @param connected       whether a connection to the app was made, so that the request may have reached it;
     *                        false when it was refused, the connect timer ran out or the host is unknown (sending
     *                        it again later cannot make the app see it twice)
     */
    record Failed(int twilioErrorCode, String message, int attempts, Duration latency, boolean connected)
        implements WebhookOutcome {

        public Failed {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(latency, "latency");
        }

        /** A failure after a connection was made (or it is not known whether one was). */
        public Failed(int twilioErrorCode, String message, int attempts, Duration latency) {
            this(twilioErrorCode, message, attempts, latency, true);
        }
    }
}
