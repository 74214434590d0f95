package dev.parley.server.v1;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import dev.parley.engine.conversation.ConversationReads;
import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.Worker;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.BasicAuth;
import dev.parley.server.http.Params;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which account a v1 request acts on. Lists, creates and the default service's paths act on the caller's own
 * account (the v1 paths name no account). A resource named by its SID ({@code IS…}, {@code US…}, {@code NO…})
 * acts on the account that owns it when the caller may act on that account ({@link Directory#mayActOn}: its own,
 * or a main account's subaccount); otherwise, and when there is no such resource, it is 404 with 20404, so that no
 * account learns of another's resources. Parley's own paths take {@code AccountSid} to name a subaccount.
 */
public final class Owners {

    private final Directory directory;
    private final ConversationReads reads;

    public Owners(Directory directory, ConversationReads reads) {
        this.directory = directory;
        this.reads = reads;
    }

    /** The authenticated account. */
    public String caller(Context ctx) {
        return BasicAuth.account(ctx).sid();
    }

    /** The caller and, for a main account, its subaccounts: every account whose resources it may read. */
    public List<String> reachable(Context ctx) {
        String caller = caller(ctx);
        return Stream.concat(Stream.of(caller), directory.subaccounts(caller).stream().map(Account::sid)).toList();
    }

    /** The account owning the Conversations Service, or 404. */
    public String ofService(Context ctx, String serviceSid) {
        return reachableOwner(ctx, reads.service(serviceSid).map(ConversationService::accountSid));
    }

    /** The account owning the Frontline user named by SID; one named by identity is the caller's. */
    public String ofWorker(Context ctx, String sidOrIdentity) {
        if (!Sids.isSid(sidOrIdentity, "US")) return caller(ctx);
        return reachableOwner(ctx, reads.worker(sidOrIdentity).map(Worker::accountSid));
    }

    /**
     * The account a request to one of Parley's own paths acts on: {@code AccountSid} when given (the caller's own or
     * a subaccount's; 403 with 20403 otherwise), else the caller's.
     */
    public String named(Context ctx, Params params) {
        String caller = caller(ctx);
        String sid = params.first("AccountSid").filter(s -> !s.isBlank()).orElse(caller);
        if (!directory.mayActOn(caller, sid)) {
            throw new ApiException(403, 20403, "The credentials of " + caller + " may not act on " + sid);
        }
        return sid;
    }

    private String reachableOwner(Context ctx, Optional<String> owner) {
        return owner.filter(account -> directory.mayActOn(caller(ctx), account))
            .orElseThrow(() -> ApiException.notFound(ctx.path()));
    }
}
