package dev.parley.engine.call;

import dev.parley.twiml.VoiceResponse;
import java.util.Optional;

/** A TwiML document a call runs, with the URL it came from (empty for inline TwiML). */
record Document(VoiceResponse response, Optional<String> url) {
}
