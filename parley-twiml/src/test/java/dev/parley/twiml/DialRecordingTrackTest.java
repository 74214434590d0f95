package dev.parley.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code <Dial recordingTrack>} as the engine reads it: the value written, {@code both} otherwise. */
class DialRecordingTrackTest {

    private static Dial dial(String attributes) {
        VoiceResponse response = TwimlParser.lenient()
            .parse("<Response><Dial " + attributes + ">+15551234567</Dial></Response>").response().orElseThrow();
        return (Dial) response.verbs().get(0);
    }

    @ParameterizedTest
    @CsvSource({"inbound, INBOUND", "outbound, OUTBOUND", "both, BOTH"})
    void eachValueReadsAsItsTrack(String written, Dial.RecordingTrack track) {
        assertThat(dial("record=\"record-from-answer\" recordingTrack=\"" + written + "\"").recordingTrack())
            .isEqualTo(track);
    }

    @Test
    void withoutTheAttributeBothTracksAreRecorded() {
        assertThat(dial("record=\"record-from-answer\"").recordingTrack()).isEqualTo(Dial.RecordingTrack.BOTH);
    }

    @Test
    void aValueNotAllowedIsAWarningAndReadsAsBoth() {
        ParseResult result = TwimlParser.lenient()
            .parse("<Response><Dial recordingTrack=\"left\">+15551234567</Dial></Response>");

        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo(12200));
        assertThat(((Dial) result.response().orElseThrow().verbs().get(0)).recordingTrack())
            .isEqualTo(Dial.RecordingTrack.BOTH);
    }

    @Test
    void theBuilderWritesWhatTheAccessorReads() {
        Dial built = Dial.builder("+15551234567").recordingTrack(Dial.RecordingTrack.OUTBOUND).build();

        assertThat(built.recordingTrack()).isEqualTo(Dial.RecordingTrack.OUTBOUND);
    }
}
