package dev.parley.bench.flow;

import java.time.Duration;

/**
 * The call flow the load driver runs, in one place for the app and the phones. A caller rings {@link #NUMBER};
 * the app answers with a {@code <Gather>} ("press 1"); the caller presses 1 during the prompt; the action
 * answers with a {@code <Dial>} to that caller's own agent, a virtual phone that answers after a second and
 * hangs up after talking (or never, for the live-call part); the {@code <Dial>} action hangs up.
 *
 * <p>Each flow uses phones of its own (numbered by flow), because a virtual phone keeps a log of all its calls.
 */
final class Flow {

    /** The number the callers ring; its voice URL is the app's {@link #VOICE}. */
    static final String NUMBER = "+15550001000";

    static final String VOICE = "/voice";
    static final String GATHERED = "/gathered";
    static final String DIALED = "/dialed";
    static final String STATUS = "/status";

    /**
     * Webhooks of one flow: the voice URL, the {@code <Gather>} action, the dialled leg's four status callbacks
     * (initiated, ringing, answered, completed), the {@code <Dial>} action, the call's own completed callback.
     */
    static final int WEBHOOKS = 8;

    /** When the caller presses 1, from the answer: during the prompt, which the key stops. */
    static final Duration PRESS_AT = Duration.ofSeconds(1);

    static final String VOICE_TWIML = """
        <Response>
          <Gather numDigits="1" action="/gathered" timeout="5">
            <Say>Press 1 for sales</Say>
          </Gather>
          <Say>We did not get your choice. Goodbye.</Say>
        </Response>""";

    static final String DIALED_TWIML = "<Response><Hangup/></Response>";

    private Flow() {
    }

    /** The TwiML that dials a caller's agent, with the dialled leg's status callbacks. */
    static String dialTwiml(String agent) {
        return "<Response><Dial action=\"/dialed\" timeout=\"20\"><Number statusCallback=\"/status\""
            + " statusCallbackEvent=\"initiated ringing answered completed\">" + agent + "</Number></Dial></Response>";
    }

    /** The caller of flow {@code i}. */
    static String caller(int i) {
        return "+15551" + digits(i);
    }

    /** The agent of flow {@code i}. */
    static String agent(int i) {
        return "+15552" + digits(i);
    }

    /** The agent of a caller: the app reads it from the {@code From} of the {@code <Gather>} action. */
    static String agentOf(String caller) {
        return "+15552" + caller.substring("+15551".length());
    }

    private static String digits(int i) {
        if (i < 0 || i > 9_999_999) throw new IllegalArgumentException("flow number out of range: " + i);
        return String.format("%07d", i);
    }
}
