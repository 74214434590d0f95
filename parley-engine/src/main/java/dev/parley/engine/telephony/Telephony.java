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

    /**
     * Plays ringback to the leg's party, as a carrier does while a call it placed rings: from the moment a party
     * dialled for it rings until that party is connected or the dial ends ({@link #stopRingback}). {@code ringTone}
     * is {@code <Dial ringTone>}'s country code ({@code us}, {@code uk}, ...) whose tone to play. Unlike media, it has
     * no end of its own and no {@link LegEvent.MediaDone}; starting it again while it plays changes nothing.
     */
    void startRingback(String callSid, String ringTone);

    /** Stops the ringback on a leg; nothing when none plays or the leg has ended. */
    void stopRingback(String callSid);

    /** Stops the media playing on a leg (barge-in); its MediaDone still follows. */
    void stopMedia(String callSid);

    /**
     * Starts capturing one track of a leg: what its party says ({@link Track#INBOUND}) or what it hears
     * ({@link Track#OUTBOUND}: Parley's media and ringback on the leg and the parties bridged to it, mixed as the party
     * hears them).
     * While an inbound capture runs on a leg, the adapter reports the party's voice activity as
     * {@link LegEvent.SpeechStarted} and {@link LegEvent.SpeechStopped} (voice-activity detection on RTP; virtual
     * phones know when they talk), so that the engine can time silence itself. A recording id names one capture of
     * each track of a leg.
     */
    void startRecording(String callSid, String recordingId, Track track);

    /**
     * Stops a capture and returns the audio, which starts when the capture started and ends now (or at the leg's
     * end); its speech marks where there was sound (the party's voice, or anything the party heard).
     */
    RecordedAudio stopRecording(String callSid, String recordingId, Track track);

    /** Starts capturing what the leg's party says: {@link #startRecording(String, String, Track)} inbound. */
    default void startRecording(String callSid, String recordingId) {
        startRecording(callSid, recordingId, Track.INBOUND);
    }

    /** Stops capturing what the leg's party says: {@link #stopRecording(String, String, Track)} inbound. */
    default RecordedAudio stopRecording(String callSid, String recordingId) {
        return stopRecording(callSid, recordingId, Track.INBOUND);
    }

    /** Joins two answered legs so each hears the other. */
    void bridge(String callSidA, String callSidB);

    /** Separates two bridged legs. */
    void unbridge(String callSidA, String callSidB);
}
