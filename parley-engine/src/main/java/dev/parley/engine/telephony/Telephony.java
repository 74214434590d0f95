package dev.parley.engine.telephony;

/**
 * The engine's port to telephony: legs (one party's connection each, named by its CallSid) and media on them.
 * Virtual phones implement it in-process; SIP and RTP will implement it for real networks.
 *
 * <p>Every operation returns at once; what follows is reported to the leg's {@link LegListener} as a
 * {@link LegEvent}: media operations end with {@link LegEvent.MediaDone} carrying the id they returned, so the
 * adapter (not the engine) knows how long speech and audio last.
 */
public interface Telephony {

    /** Rings an address (E.164, {@code client:<identity>}, SIP URI) for a new outbound leg. */
    void dial(String callSid, String from, String to, LegListener listener);

    /** Answers a ringing inbound leg. */
    void answer(String callSid);

    /** Refuses a ringing inbound leg without answering: the caller hears busy or a rejection. */
    void reject(String callSid, boolean busy);

    /** Ends a leg (or cancels one still ringing). No event follows for the side that hung up itself. */
    void hangup(String callSid);

    /** Speaks text on the leg; returns the media id reported in {@link LegEvent.MediaDone}. */
    long say(String callSid, String text, String voice, String language);

    /** Plays audio from a URL. */
    long play(String callSid, String url);

    /** Sends DTMF tones ({@code <Play digits>}, {@code sendDigits}); {@code w} waits half a second. */
    long playDigits(String callSid, String digits);

    /** A beep, as {@code <Record playBeep>} plays. */
    long beep(String callSid);

    /** Stops the media playing on a leg (barge-in); its MediaDone still follows. */
    void stopMedia(String callSid);

    /**
     * Starts capturing what the leg's party says. While any capture runs on a leg, the adapter reports the party's
     * voice activity as {@link LegEvent.SpeechStarted} and {@link LegEvent.SpeechStopped} (voice-activity detection
     * on RTP; virtual phones know when they talk), so that the engine can time silence itself.
     */
    void startRecording(String callSid, String recordingId);

    /** Stops a capture and returns the audio, which starts when the capture started and ends now (or at the leg's end). */
    RecordedAudio stopRecording(String callSid, String recordingId);

    /** Joins two answered legs so each hears the other. */
    void bridge(String callSidA, String callSidB);

    /** Separates two bridged legs. */
    void unbridge(String callSidA, String callSidB);
}
