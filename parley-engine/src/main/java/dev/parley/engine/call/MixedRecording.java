package dev.parley.engine.call;

import dev.parley.engine.recording.Mixer;
import dev.parley.engine.recording.Pcm;
import dev.parley.engine.recording.Recording;
import dev.parley.engine.telephony.RecordedAudio;
import dev.parley.engine.telephony.Track;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One recording made of captures of legs' tracks, each put on a channel, mixed when the recording finishes: what
 * {@code <Dial record>} and {@code <Conversation record>} ({@link BridgeRecorder}) and a whole call recorded by
 * {@code Record=true} ({@link CallRecorder}) share. It starts once ({@code in-progress}), captures tracks as parties
 * join, and finishes once ({@code completed} or {@code absent}), whoever asks first.
 */
final class MixedRecording {

    /** The rate of a recording without any capture: it is {@code absent} and never stored, so any rate would do. */
    private static final int EMPTY_RATE = 8000;

    private final CallRun run;
    private final String source;
    private final String track;
    private final int channels;
    private final boolean trim;
    private final RecordingStatusCallback callback;
    /** A track of a leg being captured. */
    private record Capture(String callSid, Track track) {
    }

    /** The captures running now, and their channel. */
    private final Map<Capture, Integer> running = new LinkedHashMap<>();
    private final List<Mixer.Track> released = new ArrayList<>();
    private String sid;
    private Instant startedAt;
    private boolean finished;
    private Optional<Recording> recording = Optional.empty();

    MixedRecording(CallRun run, String source, String track, int channels, boolean trim,
                   RecordingStatusCallback callback) {
        this.run = run;
        this.source = source;
        this.track = track;
        this.channels = channels;
        this.trim = trim;
        this.callback = callback;
    }

    synchronized boolean started() {
        return sid != null;
    }

    /** Starts the recording ({@code in-progress}); nothing when it has started already. */
    synchronized void start() {
        if (sid != null) return;
        sid = run.context.sids().next("RE");
        startedAt = run.now();
        RecordingLifecycle.started(run, callback, sid, startedAt, channels, source);
    }

    /**
     * Captures a track of a leg on a channel (from 0), from now until the recording finishes; nothing when it is
     * captured already.
     */
    synchronized void capture(String callSid, Track track, int channel) {
        Capture capture = new Capture(callSid, track);
        if (sid == null || finished || running.containsKey(capture)) return;
        run.context.telephony().startRecording(callSid, sid, track);
        running.put(capture, channel);
    }

    /** Stops every capture and makes the recording, once; empty when it never started or nobody spoke in it. */
    synchronized Optional<Recording> finish() {
        if (sid == null || finished) return recording;
        finished = true;
        for (Map.Entry<Capture, Integer> capture : running.entrySet()) {
            Capture c = capture.getKey();
            released.add(new Mixer.Track(run.context.telephony().stopRecording(c.callSid(), sid, c.track()),
                capture.getValue()));
        }
        running.clear();
        List<Mixer.Track> tracks = new ArrayList<>(released);
        int rate = released.isEmpty() ? EMPTY_RATE : released.get(0).audio().audio().sampleRate();
        tracks.add(new Mixer.Track(silence(rate), 0));
        RecordedAudio audio;
        try {
            audio = Mixer.mix(tracks, channels, run.context.recordings().scratch());
        } finally {
            for (Mixer.Track track : released) track.audio().audio().release();
        }
        recording = RecordingLifecycle.finished(run, callback, sid, audio, trim, source, track);
        return recording;
    }

    synchronized Optional<Recording> recording() {
        return recording;
    }

    /**
     * An empty track at the start: the mix begins when the recording started (its {@code in-progress} callback's
     * {@code RecordingStartTime}) even when the first capture began later (a whole call's outbound track starts at
     * the bridge), and a recording of no capture at all is silence ({@code absent}).
     */
    private RecordedAudio silence(int rate) {
        return new RecordedAudio(Pcm.empty(rate), startedAt, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
}
