package dev.parley.engine.call;

import dev.parley.engine.recording.Recording;
import dev.parley.engine.webhook.Params;
import dev.parley.twiml.Record;

/** The recording status callbacks of {@code <Record>}: {@code recordingStatusCallback} per subscribed event. */
final class RecordingCallbacks {

    private RecordingCallbacks() {
    }

    static void completed(CallRun run, Record record, Recording recording) {
        send(run, record, "completed", new Params()
            .add("RecordingSid", recording.sid())
            .add("RecordingUrl", run.context.baseUrl() + recording.path())
            .add("RecordingStatus", "completed")
            .add("RecordingDuration", String.valueOf(recording.durationSeconds()))
            .add("RecordingChannels", String.valueOf(recording.channels()))
            .add("RecordingStartTime", dev.parley.engine.webhook.Rfc2822.format(recording.startTime()))
            .add("RecordingSource", recording.source())
            .add("ErrorCode", "0"));
    }

    static void absent(CallRun run, Record record, String recordingSid) {
        send(run, record, "absent", new Params()
            .add("RecordingSid", recordingSid)
            .add("RecordingStatus", "absent")
            .add("RecordingDuration", "0")
            .add("RecordingSource", "RecordVerb")
            .add("ErrorCode", "0"));
    }

    private static void send(CallRun run, Record record, String event, Params params) {
        if (record.recordingStatusCallback().isEmpty() || !record.recordingStatusCallbackEvents().contains(event)) {
            return;
        }
        Params all = new Params().add("AccountSid", run.call.accountSid()).add("CallSid", run.sid());
        all.addAll(params);
        run.context.callbacks().send(run.call, run.resolve(record.recordingStatusCallback().get()),
            record.recordingStatusCallbackMethod(), all, "recording status " + event);
    }
}
