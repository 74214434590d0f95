package dev.parley.twiml;

/** An enumerated attribute value with its TwiML spelling, e.g. {@code record-from-answer}. */
public interface TwimlValue {
    String value();
}
