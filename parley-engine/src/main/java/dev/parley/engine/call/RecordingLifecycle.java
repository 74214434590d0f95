package dev.parley.engine.call;

import dev.parley.engine.recording.Mixer;
import dev.parley.engine.recording.Recording;
import dev.parley.engine.telephony.RecordedAudio;
import dev.parley.engine.webhook.Params;
import dev.parley.engine.webhook.Rfc2822;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A recording's life as the app sees it, for every verb that records: {@code in-progress} when it starts, then
 * {@code completed} (stored, trimmed of leading and trailing silence unless {@code do-not-trim}) or {@code absent}
 * (nothing was said), each sent to {@code recordingStatusCallback} when subscribed; and the parameters an action
 * request gets. A recording belongs to the call that runs the verb (the parent leg for {@code <Dial>}).
 */
final class RecordingLifecycle {

    private RecordingLifecycle() {
    }

    /** The recording started: the {@code in-progress} callback. */
    static void started(CallRun run, RecordingStatusCallback callback, String sid, Instant start, int channels,
                        String source) {
        send(run, callback, "in-progress", new Params()
            .add("RecordingSid", sid)
            .add("RecordingUrl", url(run, sid))
            .add("RecordingStatus", "in-progress")
            .add("RecordingChannels", String.valueOf(channels))
            .add("RecordingStartTime", Rfc2822.format(start))
            .add("RecordingSource", source)
            .add("ErrorCode", "0"));
    }

    /**
     * The recording stopped with this audio: stored and {@code completed}, or {@code absent} (empty) when nobody
     * spoke in it.
     */
    static Optional<Recording> finished(CallRun run, RecordingStatusCallback callback, String sid, RecordedAudio audio,
                                        boolean trim, String source) {
        if (!audio.hasSpeech()) {
            run.context.timeline().add(run.now(), run.sid(), "verb", source + ": empty recording " + sid);
            send(run, callback, "absent", new Params()
                .add("RecordingSid", sid)
                .add("RecordingStatus", "absent")
                .add("RecordingDuration", "0")
                .add("RecordingChannels", String.valueOf(audio.channels()))
                .add("RecordingStartTime", Rfc2822.format(audio.start()))
                .add("RecordingSource", source)
                .add("ErrorCode", "0"));
            return Optional.empty();
        }
        RecordedAudio kept = trim ? Mixer.trimmed(audio) : audio;
        Recording recording = run.context.recordings().add(new Recording(sid, run.call.accountSid(), run.sid(),
            audio.start(), run.now(), seconds(kept.duration()), kept.channels(), source, "completed", kept.wav()));
        run.context.timeline().add(run.now(), run.sid(), "verb",
            source + ": recording " + sid + " " + recording.durationSeconds() + "s");
        send(run, callback, "completed", new Params()
            .add("RecordingSid", sid)
            .add("RecordingUrl", url(run, sid))
            .add("RecordingStatus", "completed")
            .add("RecordingDuration", String.valueOf(recording.durationSeconds()))
            .add("RecordingChannels", String.valueOf(recording.channels()))
            .add("RecordingStartTime", Rfc2822.format(recording.startTime()))
            .add("RecordingSource", source)
            .add("ErrorCode", "0"));
        return Optional.of(recording);
    }

    /** What an action request says of a recording: {@code RecordingUrl}, {@code RecordingDuration}, {@code RecordingSid}. */
    static Params actionParams(CallRun run, Recording recording) {
        return new Params()
            .add("RecordingUrl", url(run, recording.sid()))
            .add("RecordingDuration", String.valueOf(recording.durationSeconds()))
            .add("RecordingSid", recording.sid());
    }

    /** Whole seconds, rounded, at least one: a recording with speech is never 0 s long. */
    static long seconds(Duration length) {
        return Math.max(1, Math.round(length.toMillis() / 1000.0));
    }

    private static String url(CallRun run, String sid) {
        return run.context.baseUrl() + Recording.path(run.call.accountSid(), sid);
    }

    private static void send(CallRun run, RecordingStatusCallback callback, String event, Params params) {
        if (!callback.wants(event)) return;
        Params all = new Params().add("AccountSid", run.call.accountSid()).add("CallSid", run.sid());
        all.addAll(params);
        run.context.callbacks().send(run.call, callback.url().orElseThrow(), callback.method(), all,
            WebhookPurpose.RECORDING_STATUS_CALLBACK, event);
    }
}
