package dev.parley.twiml;

/** Call progress events a dialled noun's {@code statusCallbackEvent} may subscribe to. */
public enum CallEvent implements TwimlValue {
    INITIATED("initiated"), RINGING("ringing"), ANSWERED("answered"), COMPLETED("completed");

    private final String value;

    CallEvent(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
