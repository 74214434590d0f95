package dev.parley.twiml;

import java.util.ArrayList;
import java.util.List;

/** {@code <Hangup>}: ends the call. */
public record Hangup(Attributes attributes, List<Parameter> parameters) implements Verb {

    public Hangup {
        parameters = List.copyOf(parameters);
    }

    @Override
    public List<Parameter> children() {
        return parameters;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ElementBuilder<Builder> {
        private final List<Parameter> parameters = new ArrayList<>();

        public Builder() {
            super(TwimlSchema.HANGUP);
        }

        public Builder parameter(Parameter parameter) {
            parameters.add(parameter);
            return this;
        }

        public Hangup build() {
            return new Hangup(attributes.build(), parameters);
        }
    }
}
