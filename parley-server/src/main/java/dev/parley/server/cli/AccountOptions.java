package dev.parley.server.cli;

import dev.parley.server.ParleyConfig;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The account a command uses: {@code --account-sid} and {@code --auth-token}, by default from
 * {@code PARLEY_ACCOUNT_SID} and {@code PARLEY_AUTH_TOKEN} (a picocli mixin).
 */
final class AccountOptions {

    @Option(names = "--account-sid", paramLabel = "SID", defaultValue = "${env:PARLEY_ACCOUNT_SID}",
        description = "The account's SID (default: $PARLEY_ACCOUNT_SID).")
    String accountSid;

    @Option(names = "--auth-token", paramLabel = "TOKEN", defaultValue = "${env:PARLEY_AUTH_TOKEN}",
        description = "Its auth token (default: $PARLEY_AUTH_TOKEN).")
    String authToken;

    /** The credentials given, or none; refuses one without the other, and a malformed AccountSid. */
    Optional<ParleyConfig.Credentials> credentials() {
        if (accountSid == null && authToken == null) return Optional.empty();
        if (accountSid == null || authToken == null) {
            throw new IllegalArgumentException("give both PARLEY_ACCOUNT_SID and PARLEY_AUTH_TOKEN "
                + "(or --account-sid and --auth-token)");
        }
        return Optional.of(new ParleyConfig.Credentials(accountSid, authToken));
    }
}
