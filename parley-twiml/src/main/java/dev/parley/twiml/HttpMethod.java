package dev.parley.twiml;

/** The HTTP methods TwiML accepts for its URLs. Twilio accepts only these two. */
public enum HttpMethod {
    GET, POST
}
