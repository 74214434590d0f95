package dev.parley.server.demo;

import java.io.PrintWriter;
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
 */
public record Demo(String url, String serviceSid, String number, List<String> workers, String away,
                   String awayCustomer, String awayConversation) {

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

    /** What was created, and the commands to try. */
    public void print(PrintWriter out) {
        out.println("Demo (docs/demo.md):");
        out.println("  service     " + serviceSid + " (Frontline, pool routing)");
        for (String worker : workers) {
            out.println("  worker      " + worker + " on phone client:" + worker + " (answers after 1 s, talks, hangs up 4 s later)");
        }
        out.println("  worker      " + away + " (away: not in the pool, phone busy), owns conversation "
            + awayConversation + " with " + awayCustomer);
        out.println("  number      " + number + " -> " + url + DemoApp.VOICE + " (the demo app: a greeting, then "
            + "<Connect><Conversation>, voicemail when no worker answers)");
        out.println("Try, in another terminal, with the PARLEY_ACCOUNT_SID and PARLEY_AUTH_TOKEN above:");
        out.println("  " + callCommand(CUSTOMER) + "    # a new customer, routed to a worker");
        out.println("  " + callCommand(OTHER_CUSTOMER) + "    # another one, routed to the other worker");
        out.println("  " + callCommand(awayCustomer, LEAVE_A_MESSAGE) + "    # their worker is busy: voicemail");
        out.flush();
    }
}
