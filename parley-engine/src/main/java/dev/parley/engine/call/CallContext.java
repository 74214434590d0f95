package dev.parley.engine.call;

import dev.parley.engine.Sids;
import dev.parley.engine.clock.Clock;
import dev.parley.engine.telephony.Telephony;
import java.util.Optional;
import org.slf4j.Logger;

/** What a call's run needs from the engine around it. */
interface CallContext {
    Clock clock();
    Telephony telephony();
    Timeline timeline();
    Sids sids();
    Logger log();
    Fetcher fetcher();
    Callbacks callbacks();
    dev.parley.engine.recording.Recordings recordings();

    /** The public base URL of this Parley, for RecordingUrl (e.g. http://127.0.0.1:8080). */
    String baseUrl();
    Sessions sessions();

    /** Who watches calls and webhooks (metrics, logs); {@link CallObserver#NONE} by default. */
    CallObserver observer();

    /** The auth token that signs the account's webhooks. */
    String authToken(String accountSid);

    /** Whether the account has this phone number (a caller ID it may show). */
    boolean isAccountNumber(String accountSid, String phoneNumber);

    /** Starts a child leg's call record (a dialled party) and registers it. */
    Call newChildCall(Call parent, String from, String to);

    /** Records a debugger alert with Twilio's code. */
    void alert(Call call, int code, String text, Optional<String> url, Optional<String> method);

    /** A call's run has finished. */
    void ended(CallRun run);
}
