package dev.parley.server.demo;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * What {@code parley serve --demo} set up (by {@link DemoSetup}), and how to try it.
 *
 * @param url          the base URL of the running Parley
 * @param serviceSid   the Frontline service ({@code IS…}), with pool routing
 * @param number       the number customers call; its voice URL is the demo app ({@link DemoApp})
 * @param workers      the pool's workers, on auto-answering virtual phones ({@code client:<identity>})
 * @param away         a worker outside the pool whose phone is busy
 * @param awayCustomer the customer of the conversation {@code away} owns
 * @param awayConversation that conversation ({@code CH…})
 * @param owned        the conversation a pool worker owns, whom she calls back from the Frontline app
 */
public record Demo(String url, String serviceSid, String number, List<String> workers, String away,
                   String awayCustomer, String awayConversation, Owned owned) {

    /** A conversation ({@code CH…}) that {@code worker} owns with {@code customer}. */
    public record Owned(String worker, String customer, String conversation) {
    }

    /** The first new customer, routed to a worker of the pool. */
    public static final String CUSTOMER = "+15557770001";
    /** A second new customer, routed to the other worker. */
    public static final String OTHER_CUSTOMER = "+15557770002";

    public Demo {
        workers = List.copyOf(workers);
    }

    /** The {@code parley call} that tries one flow (credentials from the environment). */
    public String callCommand(String from, String... options) {
        return "./parley call --url " + url + " --from " + from + " --to " + number
            + (options.length == 0 ? "" : " " + String.join(" ", options));
    }

    /**
     * Options for the voicemail flow: the caller talks for 3 s, 9 s after Parley answers (the greeting, the busy
     * worker and the prompt take about 7 s on virtual phones).
     */
    public static final String[] LEAVE_A_MESSAGE = {"--talk", "9:3"};

    /**
     * The worker's call to her customer: from her phone with the conversation's SID, as the Frontline app's Voice
     * SDK call sends it, and her phone's demo script (so it stays as the demo set it for the calls she answers).
     */
    public String workerCallCommand() {
        return callCommand("client:" + owned.worker(), "--param", "ConversationSid=" + owned.conversation(),
            "--talk", seconds(DemoSetup.TALK_AT) + ":" + seconds(DemoSetup.TALK_FOR),
            "--hangup-after", seconds(DemoSetup.HANG_UP_AFTER));
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    /** What was created, and the commands to try. */
    public void print(PrintWriter out) {
        out.println("Demo (docs/demo.md):");
        out.println("  service     " + serviceSid + " (Frontline, pool routing)");
        for (String worker : workers) {
            out.println("  worker      " + worker + " on phone client:" + worker + " (answers after 1 s, talks, hangs up 4 s later)");
        }
        out.println("  conversation " + owned.conversation() + " of " + owned.worker() + " with " + owned.customer()
            + " (whose phone answers after 1 s and talks)");
        out.println("  worker      " + away + " (away: not in the pool, phone busy), owns conversation "
            + awayConversation + " with " + awayCustomer);
        out.println("  number      " + number + " -> " + url + DemoApp.VOICE + " (the demo app: a greeting, then "
            + "<Connect><Conversation>, voicemail when no worker answers)");
        out.println("Try, in another terminal, with the PARLEY_ACCOUNT_SID and PARLEY_AUTH_TOKEN above:");
        out.println("  " + callCommand(CUSTOMER) + "    # a new customer, routed to a worker");
        out.println("  " + callCommand(OTHER_CUSTOMER) + "    # another one, routed to the other worker");
        out.println("  " + callCommand(awayCustomer, LEAVE_A_MESSAGE) + "    # their worker is busy: voicemail");
        out.println("  " + workerCallCommand() + "    # " + owned.worker() + " calls her customer from the "
            + "Frontline app: worker-initiated");
        out.flush();
    }
}
