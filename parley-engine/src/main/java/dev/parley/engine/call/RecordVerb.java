package dev.parley.engine.call;

import dev.parley.engine.recording.Recording;
import dev.parley.engine.recording.Wav;
import dev.parley.engine.telephony.LegEvent;
import dev.parley.engine.telephony.RecordedAudio;
import dev.parley.engine.webhook.Params;
import dev.parley.twiml.Record;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code <Record>}: beeps, records the caller until a {@code finishOnKey} key, {@code maxLength}, or hang-up,
 * stores the recording (trimmed of silence unless {@code do-not-trim}), sends its status callbacks, and requests
 * {@code action} with {@code RecordingUrl}, {@code RecordingDuration}, {@code RecordingSid}, {@code Digits}.
 * An empty recording requests nothing and the next verb runs. After a hang-up (or the API completing the call)
 * the action is still requested ({@code Digits=hangup}) and what it returns is not run. A live update that
 * redirects the call stops the recording, which is kept (stored, its callbacks sent), and requests no action:
 * the new TwiML, not the action's, decides what follows.
 */
final class RecordVerb {

    private RecordVerb() {
    }

    static Next run(CallRun run, Record record) {
        run.ensureAnswered();
        if (record.playBeep()) {
            run.awaitMedia(run.context.telephony().beep(run.sid()), null);
        }
        String sid = run.context.sids().next("RE");
        Instant started = run.now();
        run.context.telephony().startRecording(run.sid(), sid);
        Instant limit = started.plusSeconds(record.maxLength());
        String digits = "";
        CallGone gone = null;
        try {
            while (true) {
                Optional<Signal> signal = run.next(limit);
                if (signal.isEmpty()) break;
                if (signal.get() instanceof Signal.Leg(String s, LegEvent.Digit d) && s.equals(run.sid())
                    && record.finishOnKey().indexOf(d.key()) >= 0) {
                    digits = String.valueOf(d.key());
                    break;
                }
            }
        } catch (CallGone g) {
            gone = g;
            digits = "hangup";
        }
        RecordedAudio audio = run.context.telephony().stopRecording(run.sid(), sid);
        boolean trim = record.trim().equals("trim-silence");
        if (!audio.hasSpeech() || audio.duration().isZero()) {
            run.context.timeline().add(run.now(), run.sid(), "verb", "Record: empty recording");
            RecordingCallbacks.absent(run, record, sid);
            if (gone != null) throw gone;
            return Next.CONTINUE;
        }
        Duration length = trim ? audio.speechEnd().minus(audio.speechStart()) : audio.duration();
        byte[] wav = trim ? Wav.slice(audio.wav(), audio.speechStart(), audio.speechEnd()) : audio.wav();
        long seconds = Math.max(1, Math.round(length.toMillis() / 1000.0));
        Recording recording = run.context.recordings().add(new Recording(sid, run.call.accountSid(), run.sid(),
            started, run.now(), seconds, audio.channels(), "RecordVerb", "completed", wav));
        run.context.timeline().add(run.now(), run.sid(), "verb", "Record: " + sid + " " + seconds + "s");
        RecordingCallbacks.completed(run, record, recording);

        Optional<String> action = run.actionOrDocument(record.action());
        if (action.isEmpty()) {
            if (gone != null) throw gone;
            return Next.CONTINUE;
        }
        Params extra = new Params()
            .add("RecordingUrl", run.context.baseUrl() + recording.path())
            .add("RecordingDuration", String.valueOf(seconds))
            .add("RecordingSid", sid)
            .add("Digits", digits);
        if (gone != null) {
            if (gone.why != CallGone.Why.REDIRECTED) {
                run.context.fetcher().requestIgnoringTwiml(run, action.get(), record.method(), extra);
            }
            throw gone;
        }
        return new Next.Fetch(TwimlSource.Url.of(action.get(), record.method(), extra));
    }
}
