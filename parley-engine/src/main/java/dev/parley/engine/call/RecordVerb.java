package dev.parley.engine.call;

import dev.parley.engine.recording.Recording;
import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.telephony.RecordedAudio;
import dev.parley.engine.webhook.Params;
import dev.parley.twiml.Record;
import dev.parley.twiml.Trim;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code <Record>}: beeps, records the caller until a {@code finishOnKey} key, {@code timeout} seconds of silence
 * ({@code 0}: silence never ends it), {@code maxLength}, or hang-up; stores the recording (trimmed of silence unless
 * {@code do-not-trim}), sends its status callbacks, and requests {@code action} with {@code RecordingUrl},
 * {@code RecordingDuration}, {@code RecordingSid}, {@code Digits}. An empty recording (nobody spoke) requests
 * nothing and the next verb runs. After a hang-up (or the API ending the call) the action is still requested
 * ({@code Digits=hangup}) and what it returns is not run; a live update redirecting the call
 * stops the recording, which is kept (stored, its callbacks sent), and requests no action: the new TwiML decides.
 */
final class RecordVerb {

    static final String SOURCE = "RecordVerb";

    private final CallRun run;
    private final Record record;
    /** The party is speaking now (as the telephony's voice-activity detection reports it). */
    private boolean speaking;
    /** Since when the party has been silent: the start, or when it last stopped speaking. */
    private Instant silentSince;

    private RecordVerb(CallRun run, Record record) {
        this.run = run;
        this.record = record;
    }

    static Next run(CallRun run, Record record) {
        return new RecordVerb(run, record).run();
    }

    private Next run() {
        run.ensureAnswered();
        if (record.playBeep()) {
            run.awaitMedia(run.context.telephony().beep(run.sid()), null);
        }
        String sid = run.context.sids().next("RE");
        RecordingStatusCallback callback = RecordingStatusCallback.of(run, record);
        Instant started = run.now();
        run.context.telephony().startRecording(run.sid(), sid);
        RecordingLifecycle.started(run, callback, sid, started, 1, SOURCE);
        String digits;
        CallGone gone = null;
        try {
            digits = listen(started);
        } catch (CallGone g) {
            gone = g;
            digits = "hangup";
        }
        RecordedAudio audio = run.context.telephony().stopRecording(run.sid(), sid);
        Optional<Recording> recording = RecordingLifecycle.finished(run, callback, sid, audio,
            !record.trim().equals(Trim.DO_NOT_TRIM.value()), SOURCE);
        Optional<String> action = run.actionOrDocument(record.action());
        if (recording.isEmpty() || action.isEmpty() || (gone != null && gone.why == CallGone.Why.REDIRECTED)) {
            if (gone != null) throw gone;
            return Next.CONTINUE;
        }
        Params extra = RecordingLifecycle.actionParams(run, recording.get()).add("Digits", digits);
        if (gone != null) {
            run.context.fetcher().requestIgnoringTwiml(run, action.get(), record.method(), extra);
            throw gone;
        }
        return new Next.Fetch(TwimlSource.Url.of(action.get(), record.method(), extra));
    }

    /** Waits for what ends the recording; the {@code finishOnKey} key pressed, or empty. */
    private String listen(Instant started) {
        Instant limit = started.plusSeconds(record.maxLength());
        silentSince = started;
        while (true) {
            Optional<Signal> signal = run.next(end(limit));
            if (signal.isEmpty()) return "";
            if (!(signal.get() instanceof Signal.Leg(String s, LegEvent event)) || !s.equals(run.sid())) continue;
            switch (event) {
                case LegEvent.SpeechStarted speech -> speaking = true;
                case LegEvent.SpeechStopped silence -> {
                    speaking = false;
                    silentSince = run.now();
                }
                case LegEvent.Digit d when record.finishOnKey().indexOf(d.key()) >= 0 -> {
                    return String.valueOf(d.key());
                }
                default -> { }
            }
        }
    }

    /** When the recording ends unless something happens first: {@code timeout} seconds into a silence, or the limit. */
    private Instant end(Instant limit) {
        if (speaking || record.timeout() <= 0) return limit;
        Instant silenceEnds = silentSince.plusSeconds(record.timeout());
        return silenceEnds.isBefore(limit) ? silenceEnds : limit;
    }
}
