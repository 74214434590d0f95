package dev.parley.twiml;

import java.util.Optional;

/** {@code <Parameter name value>}: a custom parameter passed along with a call. */
public record Parameter(Attributes attributes) implements TwimlNode {

    public Optional<String> parameterName() { return attributes.text("name"); }
    public Optional<String> value() { return attributes.text("value"); }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ElementBuilder<Builder> {
        public Builder() {
            super(TwimlSchema.PARAMETER);
        }

        public Builder name(String name) { return set("name", name); }
        public Builder value(String value) { return set("value", value); }

        public Parameter build() {
            return new Parameter(attributes.build());
        }
    }
}
