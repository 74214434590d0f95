package dev.parley.engine.call;

import dev.parley.engine.recording.Recording;
import dev.parley.engine.telephony.Track;
import dev.parley.engine.webhook.Params;
import java.util.Optional;

/**
 * The recording of a whole call that Calls create asked for with {@code Record=true} (source {@code OutboundAPI}):
 * from the answer to the end of the call, whatever ends it. Both tracks are the called party's own leg, captured
 * throughout: the inbound track is what the party says, the outbound track what it hears, as Twilio's "How to record
 * a single side of a call" puts it: "if the caller is interacting with an IVR, the inbound track contains the
 * caller's voice and the outbound track contains the audio generated via either {@code <Say>} or {@code <Play>}.
 * Alternatively, if the caller is connected to agent via {@code <Dial>}, then the outbound track will contain the
 * audio spoken by agent". A whisper played to the dialled party is not heard by the called party, so it is in
 * neither.
 *
 * <p>Dual puts the called party on the first channel and the other side on the second: "The first channel of a
 * dual-channel recording contains the parent call and the second channel contains the child call" (Twilio's API
 * 2010-04-01 OpenAPI, Calls create {@code RecordingChannels}); the call created is the parent of the legs it dials.
 */
final class CallRecorder {

    static final String SOURCE = "OutboundAPI";

    private final CallRun run;
    private final Optional<CallRecordingOptions> options;
    private final MixedRecording recording;

    CallRecorder(CallRun run, Optional<CallRecordingOptions> options) {
        this.run = run;
        this.options = options;
        CallRecordingOptions o = options.orElse(CallRecordingOptions.defaults());
        this.recording = new MixedRecording(run, SOURCE, o.track().value(), o.channels(), o.trim(), RecordingStatusCallback.of(o));
    }

    /** The call was answered: the recording starts, capturing the tracks asked for (mono: both on one channel). */
    void answered() {
        if (options.isEmpty()) return;
        recording.start();
        CallRecordingOptions.Track track = options.get().track();
        if (track.recordsInbound()) recording.capture(run.sid(), Track.INBOUND, 0);
        if (track.recordsOutbound()) recording.capture(run.sid(), Track.OUTBOUND, options.get().channels() - 1);
    }

    /** The call ended: the recording is made (once) and its status sent. */
    Optional<Recording> stop() {
        return recording.finish();
    }

    /**
     * What the call's final status callback says of the recording: {@code RecordingUrl}, {@code RecordingSid},
     * {@code RecordingDuration} (Calls create {@code Record}: "The {@code recording_url} is sent to the
     * {@code status_callback} URL").
     */
    Params statusParams() {
        return recording.recording().map(r -> RecordingLifecycle.actionParams(run, r)).orElseGet(Params::new);
    }
}
