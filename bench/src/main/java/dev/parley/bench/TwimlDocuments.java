package dev.parley.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** The TwiML documents the parsing benchmark reads. */
final class TwimlDocuments {

    private TwimlDocuments() {
    }

    /**
     * Every TwiML document printed as "Output" on the {@code <Connect><Conversation>} reference page
     * (seed-twiml-voice-conversation.txt), in page order, exactly as printed (the page prints the
     * plain {@code serviceInstanceSid} sample twice, so it is here twice).
     */
    static final List<String> SEED = List.of(
        """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" />
        </Connect>
        </Response>
        """,
        """
        <Response>
        <Connect action="https://example.com/yourActionUrl">
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" />
        </Connect>
        </Response>
        """,
        """
        <Response>
        <Connect action="https://example.com/yourActionUrl" method="GET">
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" />
        </Connect>
        </Response>
        """,
        """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" />
        </Connect>
        </Response>
        """,
        """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" inboundAutocreation="true" />
        </Connect>
        </Response>
        """,
        """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" inboundAutocreation="true" routingAssignmentTimeout="10" />
        </Connect>
        </Response>
        """,
        """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" inboundTimeout="10"/>
        </Connect>
        </Response>
        """,
        """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" record="record-from-answer"/>
        </Connect>
        </Response>
        """,
        """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" record="record-from-answer" trim="trim-silence"/>
        </Connect>
        </Response>
        """,
        """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" record="record-from-answer" recordingStatusCallback="https://example.com/yourRecordingStatusCallback"/>
        </Connect>
        </Response>
        """,
        """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" record="record-from-answer" recordingStatusCallback="https://example.com/yourRecordingStatusCallback" recordingStatusCallbackMethod="GET"/>
        </Connect>
        </Response>
        """,
        """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" record="record-from-answer" recordingStatusCallback="https://example.com/yourRecordingStatusCallback" recordingStatusCallbackEvent="in-progress completed"/>
        </Connect>
        </Response>
        """,
        """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" statusCallback="https://example.com/yourStatusCallback"/>
        </Connect>
        </Response>
        """,
        """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" statusCallback="https://example.com/yourStatusCallback" statusCallbackMethod="GET" />
        </Connect>
        </Response>
        """,
        """
        <Response>
        <Connect>
        <Conversation serviceInstanceSid="ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" statusCallback="https://example.com/yourStatusCallback" statusCallbackEvent="call-initiated call-ringing call-answered call-completed"/>
        </Connect>
        </Response>
        """);

    /**
     * Positions in {@link #SEED} of the samples twilio-java 13.0.1 cannot read: {@code fromXml} binds a
     * space-separated list attribute ({@code recordingStatusCallbackEvent="in-progress completed"},
     * {@code statusCallbackEvent="call-initiated call-ringing call-answered call-completed"}) as one enum value and
     * throws. The side-by-side benchmark reads the other 13 on both sides.
     */
    static final Set<Integer> SEED_TWILIO_JAVA_REJECTS = Set.of(11, 14);

    /** A large, realistic IVR document (over 10 KB), the resource {@code large-ivr.xml}. */
    static final String LARGE = resource("large-ivr.xml");

    private static String resource(String name) {
        try (InputStream in = TwimlDocuments.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
