package dev.parley.engine.account;

/** Twilio's account statuses: {@code closed} is final; a suspended account may be made active again. */
public enum AccountStatus {
    ACTIVE("active"), SUSPENDED("suspended"), CLOSED("closed");

    private final String value;

    AccountStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static AccountStatus of(String value) {
        for (AccountStatus s : values()) if (s.value.equals(value)) return s;
        throw new IllegalArgumentException("unknown account status " + value);
    }
}
