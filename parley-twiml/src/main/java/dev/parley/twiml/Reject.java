package dev.parley.twiml;

import java.util.ArrayList;
import java.util.List;

/** {@code <Reject>}: refuses an incoming call without answering it. */
public record Reject(Attributes attributes, List<Parameter> parameters) implements Verb {

    public Reject {
        parameters = List.copyOf(parameters);
    }

    /** {@code rejected} (default) or {@code busy}. */
    public String reason() { return attributes.text("reason").orElse("rejected"); }

    @Override
    public List<Parameter> children() {
        return parameters;
    }

    public static Builder builder() {
        return new Builder();
    }

    public enum Reason implements TwimlValue {
        REJECTED("rejected"), BUSY("busy");

        private final String value;
        Reason(String value) { this.value = value; }
        public String value() { return value; }
    }

    public static final class Builder extends ElementBuilder<Builder> {
        private final List<Parameter> parameters = new ArrayList<>();

        public Builder() {
            super(TwimlSchema.REJECT);
        }

        public Builder reason(Reason reason) { return set("reason", reason.value()); }

        public Builder parameter(Parameter parameter) {
            parameters.add(parameter);
            return this;
        }

        public Reject build() {
            return new Reject(attributes.build(), parameters);
        }
    }
}
