package dev.parley.engine.session;

import dev.parley.engine.webhook.Params;
import dev.parley.twiml.HttpMethod;
import java.time.Instant;
import java.util.Optional;

/**
 * The side effects of a session, implemented by the call engine over the call that runs it: the caller's leg, the
 * one leg the session dials, its whisper, the bridge and its recording, webhooks, alerts and the timeline. The
 * session's machine is the only caller, from the call's own thread (except {@link #post}).
 */
public interface SessionContext {

    String accountSid();

    /** The call's {@code From}. */
    String from();

    /** The call's {@code To}. */
    String to();

    /** Whether the call came in to Parley ({@code Direction=inbound}) rather than being placed by it. */
    boolean inbound();

    /**
     * A parameter the caller's device sent with the call, which the call's first webhook carried (the Voice SDK's
     * connect parameters): {@code ConversationSid} for a worker's call.
     */
    Optional<String> parameter(String name);

    Instant now();

    /** Hands an event to the session from another thread (routing adding a worker); it is fired on the call's thread. */
    void post(SessionEvent event);

    /** Answers the caller's leg if nobody has yet. */
    void answerCaller();

    /** Refuses the caller's leg if it is still ringing (the call then ends); does nothing once it is answered. */
    void refuseCaller();

    /** Dials the other party ({@code outbound-dial}, child of the call) and returns the new leg's CallSid. */
    String dial(String from, String to);

    /** Runs the {@code url} document on the answered leg. */
    void startWhisper();

    /** Stops a whisper under way. */
    void stopWhisper();

    /** Joins the caller and the answered leg, and starts recording them when asked. */
    void bridge();

    void unbridge();

    /** Parley hangs the dialled leg up (cancels it if it rings); it ends with this status. Harmless once ended. */
    void hangUpLeg(DialCallStatus status);

    /** Seconds from the dialled leg's answer to its end (0 when it was not answered). */
    long legDuration();

    /** The dialled party rings: the caller hears ringback until the bridge or the end; a recording from ringing starts. */
    void legRinging();

    /**
     * Stops the recording, if any (its status callbacks go out) and returns what the action request says of it:
     * {@code RecordingUrl}, {@code RecordingDuration}, {@code RecordingSid}, or nothing.
     */
    Params stopRecording();

    /** Sends a session status callback; a non-2xx answer is warning 32503. */
    void sendStatusCallback(String url, HttpMethod method, Params params);

    void alert(int code, String text);

    /** A line on the call's timeline. */
    void note(String text);

    /**
     * The session is over: request {@code <Connect action>} with these parameters (plus the standard ones), or go on
     * after {@code </Connect>} without one. Called exactly once, by the machine's exit.
     */
    void ended(Result result, Params actionParams);
}
