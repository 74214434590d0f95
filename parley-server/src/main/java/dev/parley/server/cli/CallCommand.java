package dev.parley.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.ParleyConfig;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley call}: a virtual phone at a running Parley calls a number, presses keys and hangs up as told; the
 * command waits for the call to end and prints its timeline. Works through the control API only.
 */
@Command(name = "call", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Places a call from a virtual phone to a number of a running Parley, waits for the call to end "
        + "and prints its timeline, one line per event with its time from the start of the call.",
        "Exit code: 0 when the call completed; 1 when it did not (busy, failed, no answer, canceled, nothing "
            + "answers the number, or still going at --timeout); 2 when Parley cannot be used (unreachable, "
            + "credentials refused, bad input)."})
final class CallCommand implements Callable<Integer> {

    /** The longest a single request waits on the server (the control API's limit). */
    private static final int MAX_WAIT_SECONDS = 600;

    @Option(names = "--from", required = true, paramLabel = "ADDR",
        description = "The calling phone: an E.164 number or client:<identity>. Created if it does not exist.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "NUMBER", description = "The Parley number to call.")
    String to;

    @Option(names = "--digits", paramLabel = "KEYS", description = "Keys to press (0-9, *, #, A-D; w waits 0.5 s).")
    String digits;

    @Option(names = "--digits-at", paramLabel = "SECONDS", defaultValue = "1",
        description = "When to press them, in seconds after the call is answered (default: ${DEFAULT-VALUE}).")
    String digitsAt;

    @Option(names = "--talk", paramLabel = "SECONDS:LENGTH",
        description = "Talk for LENGTH seconds, SECONDS after the call is answered (e.g. 9:3 to leave a voicemail).")
    String talk;

    @Option(names = "--hangup-after", paramLabel = "SECONDS",
        description = "Hang up this many seconds after the call is answered (default: let the app end the call).")
    String hangupAfter;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:PARLEY_URL:-http://127.0.0.1:8080}",
        description = "The running Parley (default: $PARLEY_URL or ${DEFAULT-VALUE}).")
    String url;

    @Mixin
    AccountOptions account;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
        description = "How long to wait for the call to end (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ParleyConfig.Credentials credentials = account.credentials().orElseThrow(() -> new IllegalArgumentException(
                "no credentials: set PARLEY_ACCOUNT_SID and PARLEY_AUTH_TOKEN, or pass --account-sid and --auth-token"));
            return call(new ParleyClient(url, credentials.accountSid(), credentials.authToken()), out, err);
        } catch (IllegalArgumentException | ParleyClient.Failure e) {
            err.println("parley: " + e.getMessage());
            return 2;
        } finally {
            err.flush();
        }
    }

    private int call(ParleyClient parley, PrintWriter out, PrintWriter err) throws ParleyClient.Failure {
        String phone = "/parley/v1/Phones/" + ParleyClient.segment(from);
        parley.post("/parley/v1/Phones", setup());
        JsonNode placed = parley.post(phone + "/Calls", Map.of("To", to));
        if (placed.path("call_sid").isNull()) {
            err.println("parley: no call: nothing at Parley answers " + to);
            return 1;
        }
        JsonNode timeline = awaitEnd(parley, placed.path("call_sid").asText());
        TimelineText.print(timeline, out);
        if (timeline.path("live").asBoolean()) {
            err.println("parley: the call is still going after " + timeoutSeconds + " s");
            return 1;
        }
        return timeline.path("status").asText().equals("completed") ? 0 : 1;
    }

    /** The calling phone's setup: this call's script replaces whatever the phone had. */
    private Map<String, String> setup() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Address", from);
        if (digits != null) form.put("PressDigits", digitsAt + ":" + digits);
        if (talk != null) form.put("Talk", talk);
        if (hangupAfter != null) form.put("HangupAfter", hangupAfter);
        if (digits == null && talk == null && hangupAfter == null) form.put("ClearScript", "true");
        return form;
    }

    /** Reads the timeline once the call has ended, waiting on the server at most {@code --timeout} in all. */
    private JsonNode awaitEnd(ParleyClient parley, String callSid) throws ParleyClient.Failure {
        String path = "/parley/v1/Calls/" + callSid + "/Timeline";
        int remaining = Math.max(0, timeoutSeconds);
        JsonNode timeline = parley.get(path);
        while (timeline.path("live").asBoolean() && remaining > 0) {
            int wait = Math.min(remaining, MAX_WAIT_SECONDS);
            timeline = parley.get(path + "?Wait=" + wait);
            remaining -= wait;
        }
        return timeline;
    }
}
