package dev.parley.engine.session;

/**
 * How the leg a session dialled ended ({@code DialCallStatus}, seed page). Unlike {@code <Dial>} there is no
 * {@code answered}. It is also the final status of that leg's call.
 */
public enum DialCallStatus {
    COMPLETED("completed"), BUSY("busy"), NO_ANSWER("no-answer"), FAILED("failed"), CANCELED("canceled");

    private final String value;

    DialCallStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
