package dev.parley.twiml;

/** Whether leading and trailing silence is cut from a recording. */
public enum Trim implements TwimlValue {
    TRIM_SILENCE("trim-silence"), DO_NOT_TRIM("do-not-trim");

    private final String value;

    Trim(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
