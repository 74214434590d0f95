package dev.parley.twiml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code <Gather>}: collects digits (or speech) while its nested prompts play. */
public record Gather(Attributes attributes, List<GatherPrompt> prompts) implements Verb {

    public Gather {
        prompts = List.copyOf(prompts);
    }

    /** The action URL as written; absent means the current document's URL. */
    public Optional<String> action() { return attributes.text("action"); }
    public HttpMethod method() { return attributes.method("method"); }
    /** Seconds to wait for the first and each next digit. Default 5. */
    public int timeout() { return attributes.integer("timeout").orElse(5); }
    /** The key that ends input; empty means none. Default {@code #}. */
    public String finishOnKey() { return attributes.text("finishOnKey").orElse("#"); }
    /** How many digits end input; absent means unlimited. */
    public Optional<Integer> numDigits() { return attributes.integer("numDigits"); }
    public boolean actionOnEmptyResult() { return attributes.bool("actionOnEmptyResult"); }
    public List<String> input() { return attributes.list("input"); }

    @Override
    public List<GatherPrompt> children() {
        return prompts;
    }

    public static Builder builder() {
        return new Builder();
    }

    public enum Input implements TwimlValue {
        DTMF("dtmf"), SPEECH("speech");

        private final String value;
        Input(String value) { this.value = value; }
        public String value() { return value; }
    }

    public static final class Builder extends ElementBuilder<Builder> {
        private final List<GatherPrompt> prompts = new ArrayList<>();

        public Builder() {
            super(TwimlSchema.GATHER);
        }

        public Builder inputs(List<Input> input) { return set("input", values(input)); }
        public Builder inputs(Input input) { return inputs(List.of(input)); }
        public Builder action(String action) { return set("action", action); }
        public Builder method(HttpMethod method) { return set("method", method); }
        public Builder timeout(Integer timeout) { return set("timeout", timeout); }
        public Builder speechTimeout(String speechTimeout) { return set("speechTimeout", speechTimeout); }
        public Builder maxSpeechTime(Integer maxSpeechTime) { return set("maxSpeechTime", maxSpeechTime); }
        public Builder profanityFilter(Boolean profanityFilter) { return set("profanityFilter", profanityFilter); }
        public Builder finishOnKey(String finishOnKey) { return set("finishOnKey", finishOnKey); }
        public Builder numDigits(Integer numDigits) { return set("numDigits", numDigits); }
        public Builder partialResultCallback(String url) { return set("partialResultCallback", url); }
        public Builder partialResultCallbackMethod(HttpMethod method) { return set("partialResultCallbackMethod", method); }
        public Builder language(String language) { return set("language", language); }
        public Builder hints(String hints) { return set("hints", hints); }
        public Builder bargeIn(Boolean bargeIn) { return set("bargeIn", bargeIn); }
        public Builder debug(Boolean debug) { return set("debug", debug); }
        public Builder actionOnEmptyResult(Boolean actionOnEmptyResult) { return set("actionOnEmptyResult", actionOnEmptyResult); }
        public Builder speechModel(String speechModel) { return set("speechModel", speechModel); }
        public Builder enhanced(Boolean enhanced) { return set("enhanced", enhanced); }

        public Builder say(Say say) { return prompt(say); }
        public Builder play(Play play) { return prompt(play); }
        public Builder pause(Pause pause) { return prompt(pause); }

        public Builder prompt(GatherPrompt prompt) {
            prompts.add(prompt);
            return this;
        }

        public Gather build() {
            return new Gather(attributes.build(), prompts);
        }
    }
}
