package dev.parley.server.api2010;

import dev.parley.engine.account.Directory;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.BasicAuth;
import io.javalin.http.Context;

/**
 * The account a request's path names ({@code /2010-04-01/Accounts/{AccountSid}/…}). The caller's credentials act
 * on their own account and, for a main account, on its subaccounts; any other account is not there for them: 404
 * with 20404, never a hint that it exists.
 */
final class AccountPath {

    static final String PARAM = "AccountSid";

    private AccountPath() {
    }

    /** {@code /2010-04-01/Accounts/{AccountSid}} followed by {@code rest}. */
    static String route(String rest) {
        return Api2010.BASE + "/Accounts/{" + PARAM + "}" + rest;
    }

    /** The path of one of an account's resources: {@code /2010-04-01/Accounts/AC…} followed by {@code rest}. */
    static String of(String accountSid, String rest) {
        return Api2010.BASE + "/Accounts/" + accountSid + rest;
    }

    /** The account in the path, when the caller may act on it. */
    static String sid(Context ctx, Directory directory) {
        String sid = ctx.pathParam(PARAM);
        if (!directory.mayActOn(BasicAuth.account(ctx).sid(), sid)) throw ApiException.notFound(ctx.path());
        return sid;
    }
}
