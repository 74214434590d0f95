package dev.parley.server.http;

import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic auth with {@code AccountSid:AuthToken}, as Twilio's APIs take it. Missing or wrong credentials get
 * 401 with 20003; the credentials of an account that is not active (suspended, or owned by a suspended main
 * account) get 401 with 20005. Handlers read the authenticated account with {@link #account(Context)}.
 */
public final class BasicAuth {

    private static final String ATTRIBUTE = "parley.account";

    private final Directory directory;

    public BasicAuth(Directory directory) {
        this.directory = directory;
    }

    /** A before-handler: authenticates the request or refuses it. */
    public void check(Context ctx) {
        Account account = credentials(ctx.header("Authorization"))
            .flatMap(c -> directory.authenticate(c[0], c[1]))
            .orElseThrow(() -> {
                ctx.header("WWW-Authenticate", "Basic realm=\"Parley\"");
                return new ApiException(401, 20003, "Authenticate");
            });
        if (!directory.isActive(account.sid())) {
            throw new ApiException(401, 20005, "Account not active");
        }
        ctx.attribute(ATTRIBUTE, account);
    }

    /** The account whose credentials the request carried (after {@link #check}). */
    public static Account account(Context ctx) {
        Account account = ctx.attribute(ATTRIBUTE);
        if (account == null) throw new IllegalStateException("no authenticated account on " + ctx.path());
        return account;
    }

    /** {@code [sid, token]} from {@code Basic base64(sid:token)}. */
    private static Optional<String[]> credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return Optional.empty();
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) return Optional.empty();
        return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }
}
