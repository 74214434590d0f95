package dev.parley.engine.call;

import dev.parley.engine.recording.Recording;
import dev.parley.engine.telephony.Track;
import dev.parley.engine.webhook.Params;
import dev.parley.twiml.Conversation;
import dev.parley.twiml.Dial;
import dev.parley.twiml.Trim;
import java.util.Optional;

/**
 * The recording of a caller joined to a dialled party, as {@code <Dial record>} (and {@code <Conversation record>},
 * which has the same attributes) asks for it: {@code do-not-record}, {@code record-from-answer},
 * {@code record-from-ringing}, and their {@code -dual} forms ({@code true}/{@code false} are the old spellings of
 * {@code record-from-answer}/{@code do-not-record}).
 *
 * <p>Both tracks of the caller's leg are captured from the moment the dialled party starts ringing
 * ({@code from-ringing}) or is connected ({@code from-answer}): what the caller says, and what it hears, which is the
 * ringback until the bridge, then the dialled party (a whisper, which the caller never hears, is not in it). The
 * captures are lined up and mixed: mono puts them in one channel, dual puts the caller in the first channel and what
 * it hears (the dialled party) in the second.
 * Leading and trailing silence is cut unless {@code trim="do-not-trim"} (ringback is sound: it stays). A recording that
 * never started (nobody rang, nobody answered) reports nothing; one with no sound in it (nobody spoke, no ringback) is
 * {@code absent}.
 *
 * <p>{@code <Dial recordingTrack>} narrows it to one side of the caller's call: {@code inbound} is the audio coming
 * in from the caller (its voice), {@code outbound} the audio going out to it: the ringback while the dialled party
 * rings, then its voice; {@code both} (the default, and always for {@code <Conversation>}, which has no such
 * attribute) is the two. One track is one channel, dual or not, as for a whole call ({@link CallRecordingOptions.Track}). The
 * recording starts and ends when it would with both tracks; only what it holds changes.
 */
final class BridgeRecorder {

    static final String SOURCE = "DialVerb";

    /** When the recording starts, and whether each party gets a channel of its own. {@code NONE}: no recording. */
    enum Mode {
        NONE(false, false), FROM_ANSWER(false, false), FROM_RINGING(true, false), FROM_ANSWER_DUAL(false, true),
        FROM_RINGING_DUAL(true, true);

        final boolean fromRinging;
        final boolean dual;

        Mode(boolean fromRinging, boolean dual) {
            this.fromRinging = fromRinging;
            this.dual = dual;
        }

        /** The {@code record} attribute's value. */
        static Mode of(String record) {
            return switch (record) {
                case "record-from-answer", "true" -> FROM_ANSWER;
                case "record-from-ringing" -> FROM_RINGING;
                case "record-from-answer-dual" -> FROM_ANSWER_DUAL;
                case "record-from-ringing-dual" -> FROM_RINGING_DUAL;
                default -> NONE;
            };
        }
    }

    private final CallRun run;
    private final Mode mode;
    private final CallRecordingOptions.Track track;
    private final MixedRecording recording;

    BridgeRecorder(CallRun run, Mode mode, CallRecordingOptions.Track track, boolean trim,
                   RecordingStatusCallback callback) {
        this.run = run;
        this.mode = mode;
        this.track = track;
        this.recording = new MixedRecording(run, SOURCE, track.value(), track.channels(mode.dual), trim, callback);
    }

    /** {@code <Conversation record trim>}: the same modes, both tracks; {@code trim} defaults to {@code do-not-trim} there. */
    static BridgeRecorder of(CallRun run, Conversation conversation) {
        return new BridgeRecorder(run, Mode.of(conversation.record().value()), CallRecordingOptions.Track.BOTH,
            conversation.trim() == Conversation.Trim.TRIM_SILENCE, RecordingStatusCallback.of(run, conversation));
    }

    static BridgeRecorder of(CallRun run, Dial dial) {
        return new BridgeRecorder(run, Mode.of(dial.record()),
            CallRecordingOptions.Track.of(dial.recordingTrack().value()).orElseThrow(),
            !dial.trim().equals(Trim.DO_NOT_TRIM.value()), RecordingStatusCallback.of(run, dial));
    }

    /** A dialled party is ringing. */
    void ringing() {
        if (mode.fromRinging) start();
    }

    /** The caller is now connected to the dialled party. */
    void bridged() {
        if (mode != Mode.NONE) start();
    }

    /** Stops the captures and makes the recording (once); empty when there is none with speech. */
    Optional<Recording> stop() {
        return recording.finish();
    }

    /** {@code RecordingUrl}, {@code RecordingDuration}, {@code RecordingSid} for the action, when recorded. */
    void addTo(Params actionParams) {
        recording.recording().ifPresent(r -> actionParams.addAll(RecordingLifecycle.actionParams(run, r)));
    }

    /** Starts the recording, and the captures of the caller's tracks it records; once. */
    private void start() {
        if (!recording.started()) {
            recording.start();
            if (track.recordsInbound()) recording.capture(run.sid(), Track.INBOUND, 0);
            if (track.recordsOutbound()) recording.capture(run.sid(), Track.OUTBOUND, track.channels(mode.dual) - 1);
        }
    }
}
