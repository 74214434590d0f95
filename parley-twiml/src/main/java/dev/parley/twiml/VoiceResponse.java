package dev.parley.twiml;

import java.util.ArrayList;
import java.util.List;

/** A TwiML document: {@code <Response>} and the verbs it runs, top to bottom. */
public record VoiceResponse(List<Verb> verbs) implements TwimlNode {

    public VoiceResponse {
        verbs = List.copyOf(verbs);
    }

    @Override
    public Attributes attributes() {
        return Attributes.none(TwimlSchema.RESPONSE);
    }

    @Override
    public List<Verb> children() {
        return verbs;
    }

    /** The document as clean XML. */
    public String toXml() {
        return TwimlWriter.write(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a document with the vocabulary of twilio-java's {@code VoiceResponse.Builder}. */
    public static final class Builder {
        private final List<Verb> verbs = new ArrayList<>();

        public Builder say(Say say) { return verb(say); }
        public Builder play(Play play) { return verb(play); }
        public Builder pause(Pause pause) { return verb(pause); }
        public Builder gather(Gather gather) { return verb(gather); }
        public Builder record(Record record) { return verb(record); }
        public Builder hangup(Hangup hangup) { return verb(hangup); }
        public Builder redirect(Redirect redirect) { return verb(redirect); }
        public Builder reject(Reject reject) { return verb(reject); }
        public Builder dial(Dial dial) { return verb(dial); }
        public Builder connect(Connect connect) { return verb(connect); }

        public Builder verb(Verb verb) {
            verbs.add(verb);
            return this;
        }

        public VoiceResponse build() {
            return new VoiceResponse(verbs);
        }
    }
}
