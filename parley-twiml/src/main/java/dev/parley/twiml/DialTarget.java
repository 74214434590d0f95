package dev.parley.twiml;

/** A noun of {@code <Dial>}: who is dialled. A bare number in {@code <Dial>} is read as a {@link Number}. */
public sealed interface DialTarget extends TwimlNode permits Number, Client, Sip {

    /** The address Parley dials: an E.164 number, {@code client:<identity>}, or a SIP URI. */
    String address();

    /** The URL of TwiML run on the dialled leg once it answers (a whisper), if any. */
    default java.util.Optional<String> url() {
        return attributes().text("url");
    }

    default HttpMethod method() {
        return attributes().method("method");
    }

    default java.util.Optional<String> statusCallback() {
        return attributes().text("statusCallback");
    }

    default HttpMethod statusCallbackMethod() {
        return attributes().method("statusCallbackMethod");
    }

    default java.util.List<String> statusCallbackEvents() {
        return attributes().list("statusCallbackEvent");
    }
}
