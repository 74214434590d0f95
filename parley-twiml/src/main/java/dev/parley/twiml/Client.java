package dev.parley.twiml;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <Client>}: a client identity to dial, written as text or as a nested {@code <Identity>} (both read
 * the same), with optional {@code <Parameter>}s.
 */
public record Client(Attributes attributes, String identity, List<Parameter> parameters) implements DialTarget {

    public Client {
        parameters = List.copyOf(parameters);
    }

    @Override
    public String address() {
        return "client:" + identity;
    }

    @Override
    public String body() {
        return identity;
    }

    @Override
    public List<Parameter> children() {
        return parameters;
    }

    public static Builder builder(String identity) {
        return new Builder(identity);
    }

    public static final class Builder extends DialTargetBuilder<Builder> {
        private String identity;
        private final List<Parameter> parameters = new ArrayList<>();

        public Builder(String identity) {
            super(TwimlSchema.CLIENT);
            this.identity = identity.strip();
        }

        public Builder() {
            this("");
        }

        public Builder identity(String identity) {
            this.identity = identity.strip();
            return this;
        }

        public Builder parameter(Parameter parameter) {
            parameters.add(parameter);
            return this;
        }

        public Client build() {
            return new Client(attributes.build(), identity, parameters);
        }
    }
}
