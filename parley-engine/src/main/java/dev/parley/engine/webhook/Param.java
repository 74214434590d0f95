package dev.parley.engine.webhook;

import java.util.Objects;

/** One form parameter of a webhook request, e.g. {@code CallSid=CA…}. Neither part is null; either may be empty. */
public record Param(String name, String value) {

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
