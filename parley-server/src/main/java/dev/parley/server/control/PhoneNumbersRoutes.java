package dev.parley.server.control;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Account;
import dev.parley.engine.account.Directory;
import dev.parley.engine.account.PhoneNumber;
import dev.parley.engine.clock.Clock;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.BasicAuth;
import dev.parley.server.http.Links;
import dev.parley.server.http.ListPage;
import dev.parley.server.http.Params;
import dev.parley.server.http.Routes;
import dev.parley.twiml.HttpMethod;
import dev.parley.twiml.UrlResolver;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /parley/v1/PhoneNumbers}: the numbers Parley answers, each with the voice URL of its TwiML app, by the
 * parameter names of Twilio's IncomingPhoneNumbers ({@code PhoneNumber}, {@code VoiceUrl}, {@code VoiceMethod},
 * {@code VoiceFallbackUrl}, {@code StatusCallback}, ...). A stopgap until that API itself arrives.
 * {@code AccountSid} picks one of the caller's subaccounts; by default the numbers are the caller's own.
 */
final class PhoneNumbersRoutes implements Routes {

    private static final String NUMBERS = ControlApi.BASE + "/PhoneNumbers";

    private final Directory directory;
    private final Clock clock;
    private final Sids sids;

    PhoneNumbersRoutes(Directory directory, Clock clock, Sids sids) {
        this.directory = directory;
        this.clock = clock;
        this.sids = sids;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.post(NUMBERS, this::create);
        routing.get(NUMBERS, ctx -> ctx.json(ListPage.of(ctx, "phone_numbers",
            directory.numbers(accountSid(ctx, Params.of(ctx))).stream().map(n -> view(ctx, n)).toList())));
        routing.get(NUMBERS + "/{sid}", ctx -> ctx.json(view(ctx, required(ctx))));
        routing.delete(NUMBERS + "/{sid}", ctx -> {
            directory.release(required(ctx).sid());
            ctx.status(204);
        });
    }

    private void create(Context ctx) {
        Params params = Params.of(ctx);
        String number = params.required("PhoneNumber");
        if (!PhoneNumber.isE164(number)) {
            throw new ApiException(400, 21421, "PhoneNumber is invalid: " + Params.quoted(number));
        }
        PhoneNumber created = directory.add(new PhoneNumber(sids.next("PN"), accountSid(ctx, params), number,
            params.first("FriendlyName").orElse(number),
            url(params, "VoiceUrl"), method(params, "VoiceMethod"),
            url(params, "VoiceFallbackUrl"), method(params, "VoiceFallbackMethod"),
            url(params, "StatusCallback"), method(params, "StatusCallbackMethod"), clock.now()));
        ctx.status(201).json(view(ctx, created));
    }

    /** The account acted on: {@code AccountSid} when given (the caller's own or a subaccount's), else the caller's. */
    private String accountSid(Context ctx, Params params) {
        Account caller = BasicAuth.account(ctx);
        String sid = params.first("AccountSid").orElse(caller.sid());
        if (!directory.mayActOn(caller.sid(), sid)) {
            throw new ApiException(403, 20403, "The credentials of " + caller.sid() + " may not act on " + sid);
        }
        return sid;
    }

    private PhoneNumber required(Context ctx) {
        return directory.number(ctx.pathParam("sid"))
            .filter(n -> directory.mayActOn(BasicAuth.account(ctx).sid(), n.accountSid()))
            .orElseThrow(() -> ApiException.notFound(ctx.path()));
    }

    private static Optional<String> url(Params params, String name) {
        Optional<String> url = params.first(name).filter(v -> !v.isBlank());
        if (url.isPresent() && !UrlResolver.isAbsoluteHttp(url.get())) {
            throw new ApiException(400, 21402, "Invalid Url: " + name + " must be an absolute http(s) URL, got '" + url.get() + "'");
        }
        return url;
    }

    private static HttpMethod method(Params params, String name) {
        String value = params.first(name).orElse("POST");
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "GET" -> HttpMethod.GET;
            case "POST" -> HttpMethod.POST;
            default -> throw ApiException.badRequest("Invalid " + name + ": '" + value + "' (GET or POST)");
        };
    }

    private static PhoneNumberView view(Context ctx, PhoneNumber number) {
        return PhoneNumberView.of(number, Links.absolute(ctx, PhoneNumberView.path(number)));
    }
}
