package dev.parley.engine.call;

/** The outcome of asking the app for TwiML. */
sealed interface Fetched {
    record Ok(Document document) implements Fetched { }

    /** Twilio's error code (11200, 11205, 12100, 12300, …), already recorded as an alert. */
    record Error(int code, String message) implements Fetched { }
}
