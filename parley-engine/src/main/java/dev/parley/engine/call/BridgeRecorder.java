package dev.parley.engine.call;

import dev.parley.engine.recording.Mixer;
import dev.parley.engine.recording.Recording;
import dev.parley.engine.telephony.RecordedAudio;
import dev.parley.engine.webhook.Params;
import dev.parley.twiml.Conversation;
import dev.parley.twiml.Dial;
import dev.parley.twiml.Trim;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The recording of a caller joined to a dialled party, as {@code <Dial record>} (and {@code <Conversation record>},
 * which has the same attributes) asks for it: {@code do-not-record}, {@code record-from-answer},
 * {@code record-from-ringing}, and their {@code -dual} forms ({@code true}/{@code false} are the old spellings of
 * {@code record-from-answer}/{@code do-not-record}).
 *
 * <p>Each party's own leg is captured: the caller from the moment the dialled party starts ringing
 * ({@code from-ringing}) or is connected ({@code from-answer}), the dialled party from the moment it is connected (so
 * a whisper, which the caller never hears, is not in the recording). The captures are lined up and mixed: mono puts
 * both parties in one channel, dual puts the caller in the first channel and the dialled party in the second.
 * Leading and trailing silence is cut unless {@code trim="do-not-trim"}. A recording that never started (nobody rang,
 * nobody answered) reports nothing; one in which nobody spoke is {@code absent}.
 */
final class BridgeRecorder {

    static final String SOURCE = "DialVerb";

    /** When the recording starts, and in how many channels. {@code NONE}: no recording. */
    enum Mode {
        NONE(false, 0), FROM_ANSWER(false, 1), FROM_RINGING(true, 1), FROM_ANSWER_DUAL(false, 2),
        FROM_RINGING_DUAL(true, 2);

        final boolean fromRinging;
        final int channels;

        Mode(boolean fromRinging, int channels) {
            this.fromRinging = fromRinging;
            this.channels = channels;
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

    private record Capture(String callSid, int channel) {
    }

    private final CallRun run;
    private final Mode mode;
    private final boolean trim;
    private final RecordingStatusCallback callback;
    private final List<Capture> captures = new ArrayList<>();
    private String sid;
    private Optional<Recording> recording = Optional.empty();

    BridgeRecorder(CallRun run, Mode mode, boolean trim, RecordingStatusCallback callback) {
        this.run = run;
        this.mode = mode;
        this.trim = trim;
        this.callback = callback;
    }

    /** {@code <Conversation record trim>}: the same modes; {@code trim} defaults to {@code do-not-trim} there. */
    static BridgeRecorder of(CallRun run, Conversation conversation) {
        return new BridgeRecorder(run, Mode.of(conversation.record().value()),
            conversation.trim() == Conversation.Trim.TRIM_SILENCE, RecordingStatusCallback.of(run, conversation));
    }

    static BridgeRecorder of(CallRun run, Dial dial) {
        return new BridgeRecorder(run, Mode.of(dial.record()), !dial.trim().equals(Trim.DO_NOT_TRIM.value()),
            RecordingStatusCallback.of(run, dial));
    }

    /** A dialled party is ringing. */
    void ringing() {
        if (mode.fromRinging) startCaller();
    }

    /** The caller is now connected to {@code calleeSid}. */
    void bridged(String calleeSid) {
        if (mode == Mode.NONE) return;
        startCaller();
        capture(calleeSid, mode.channels - 1);
    }

    /** Stops the captures and makes the recording (once); empty when there is none with speech. */
    Optional<Recording> stop() {
        if (captures.isEmpty()) return recording;
        List<Mixer.Track> tracks = new ArrayList<>();
        for (Capture capture : captures) {
            RecordedAudio audio = run.context.telephony().stopRecording(capture.callSid(), sid);
            tracks.add(new Mixer.Track(audio, capture.channel()));
        }
        captures.clear();
        recording = RecordingLifecycle.finished(run, callback, sid, Mixer.mix(tracks, mode.channels), trim, SOURCE);
        return recording;
    }

    /** {@code RecordingUrl}, {@code RecordingDuration}, {@code RecordingSid} for the action, when recorded. */
    void addTo(Params actionParams) {
        recording.ifPresent(r -> actionParams.addAll(RecordingLifecycle.actionParams(run, r)));
    }

    private void startCaller() {
        if (sid == null) {
            sid = run.context.sids().next("RE");
            capture(run.sid(), 0);
            RecordingLifecycle.started(run, callback, sid, run.now(), mode.channels, SOURCE);
        }
    }

    private void capture(String callSid, int channel) {
        run.context.telephony().startRecording(callSid, sid);
        captures.add(new Capture(callSid, channel));
    }
}
