package dev.parley.server.api2010;

import dev.parley.engine.account.Account;
import dev.parley.engine.account.AccountStatus;
import dev.parley.engine.account.Directory;
import dev.parley.engine.clock.Clock;
import dev.parley.engine.store.AccountFilter;
import dev.parley.engine.store.Store;
import dev.parley.engine.store.StoredAccount;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.BasicAuth;
import dev.parley.server.http.ListPage;
import dev.parley.server.http.Params;
import dev.parley.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Optional;

/**
 * {@code /2010-04-01/Accounts}: the caller's account and its subaccounts. A main account creates subaccounts
 * ({@code FriendlyName}, 201), lists itself with them ({@code FriendlyName}, {@code Status} filters), fetches and
 * renames them, and suspends, reactivates or closes them ({@code Status}); the rules (21101, 20403, 21476, 21479)
 * are the {@link Directory}'s.
 */
final class AccountsRoutes implements Routes {

    private static final String ACCOUNTS = Api2010.BASE + "/Accounts";

    private final Directory directory;
    private final Store store;
    private final Clock clock;

    AccountsRoutes(Directory directory, Store store, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.post(ACCOUNTS + ".json", this::create);
        routing.get(ACCOUNTS + ".json", this::list);
        routing.get(ACCOUNTS + "/{Sid}.json", ctx -> ctx.json(AccountView.of(required(ctx))));
        routing.post(ACCOUNTS + "/{Sid}.json", this::update);
    }

    private void create(Context ctx) {
        Optional<String> name = Params.of(ctx).first("FriendlyName").filter(v -> !v.isBlank());
        String caller = BasicAuth.account(ctx).sid();
        Account created = directory.createSubaccount(caller, name, clock.now());
        ctx.status(201).json(AccountView.of(store.accounts().fetch(caller, created.sid()).orElseThrow()));
    }

    private void list(Context ctx) {
        Params params = Params.of(ctx.queryParamMap());
        AccountFilter filter = AccountFilter.ALL;
        if (params.first("FriendlyName").isPresent()) filter = filter.friendlyName(params.first("FriendlyName").get());
        if (params.first("Status").isPresent()) filter = filter.status(status(params.first("Status").get()).value());
        ctx.json(ListPage.v2010(ctx, "accounts", store.accounts().list(BasicAuth.account(ctx).sid(), filter,
            ListPage.request(ctx)), AccountView::of));
    }

    private void update(Context ctx) {
        StoredAccount account = required(ctx);
        Params params = Params.of(ctx);
        String caller = BasicAuth.account(ctx).sid();
        Optional<String> name = params.first("FriendlyName").filter(v -> !v.isBlank());
        Optional<AccountStatus> status = params.first("Status").filter(v -> !v.isBlank()).map(AccountsRoutes::status);
        status.ifPresent(s -> directory.updateStatus(caller, account.sid(), s, clock.now()));
        name.ifPresent(n -> directory.account(account.sid()).ifPresent(a -> directory.put(new Account(a.sid(),
            a.authToken(), n, a.ownerAccountSid(), a.status(), a.dateCreated(), clock.now()))));
        ctx.json(AccountView.of(required(ctx)));
    }

    private StoredAccount required(Context ctx) {
        return store.accounts().fetch(BasicAuth.account(ctx).sid(), ctx.pathParam("Sid"))
            .orElseThrow(() -> ApiException.notFound(ctx.path()));
    }

    private static AccountStatus status(String value) {
        try {
            return AccountStatus.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid Status: " + Params.quoted(value) + ", expected active, suspended or closed");
        }
    }
}
