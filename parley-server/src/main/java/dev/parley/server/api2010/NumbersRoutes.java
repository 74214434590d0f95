package dev.parley.server.api2010;

import dev.parley.engine.Sids;
import dev.parley.engine.account.Directory;
import dev.parley.engine.account.PhoneNumber;
import dev.parley.engine.clock.Clock;
import dev.parley.engine.store.NumberFilter;
import dev.parley.engine.store.Store;
import dev.parley.engine.store.StoredNumber;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.BasicAuth;
import dev.parley.server.http.ListPage;
import dev.parley.server.http.Params;
import dev.parley.server.http.Routes;
import dev.parley.twiml.HttpMethod;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Optional;

/**
 * {@code /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers}: the numbers that ring the account's TwiML apps.
 * Parley does not buy numbers: create takes the number itself ({@code PhoneNumber}, E.164; 21421 when it is not,
 * 21422 when another account has it). The voice configuration ({@code VoiceUrl}, {@code VoiceMethod},
 * {@code VoiceFallbackUrl}, {@code VoiceFallbackMethod}, {@code StatusCallback}, {@code StatusCallbackMethod}) takes
 * Twilio's defaults (POST) and codes (21402 bad URL, 21403 bad method); an empty URL clears it. Update may move the
 * number to another account the caller acts on ({@code AccountSid}). List filters: {@code PhoneNumber} (any part,
 * {@code *} for a digit) and {@code FriendlyName}.
 */
final class NumbersRoutes implements Routes {

    private static final String NUMBERS = AccountPath.route("/IncomingPhoneNumbers");
    /** What a number has at Twilio and not in Parley (SMS, applications, trunks, addresses, emergency calling). */
    private static final List<String> UNSUPPORTED = List.of("SmsUrl", "SmsMethod", "SmsFallbackUrl",
        "SmsFallbackMethod", "SmsApplicationSid", "VoiceApplicationSid", "TrunkSid", "AddressSid", "IdentitySid",
        "BundleSid", "EmergencyAddressSid", "AreaCode");

    private final Directory directory;
    private final Store store;
    private final Clock clock;
    private final Sids sids;

    NumbersRoutes(Directory directory, Store store, Clock clock, Sids sids) {
        this.directory = directory;
        this.store = store;
        this.clock = clock;
        this.sids = sids;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.post(NUMBERS + ".json", this::create);
        routing.get(NUMBERS + ".json", this::list);
        routing.get(NUMBERS + "/{Sid}.json", ctx -> ctx.json(NumberView.of(required(ctx, AccountPath.sid(ctx, directory)))));
        routing.post(NUMBERS + "/{Sid}.json", this::update);
        routing.delete(NUMBERS + "/{Sid}.json", ctx -> {
            directory.release(required(ctx, AccountPath.sid(ctx, directory)).sid());
            ctx.status(204);
        });
    }

    private void create(Context ctx) {
        String accountSid = AccountPath.sid(ctx, directory);
        Params params = Params.of(ctx);
        FormRules.unsupported(params, UNSUPPORTED);
        String number = params.first("PhoneNumber").map(String::strip).filter(v -> !v.isEmpty())
            .orElseThrow(() -> ApiException.missing("PhoneNumber"));
        if (!PhoneNumber.isE164(number)) {
            throw new ApiException(400, 21421, "PhoneNumber is invalid: " + Params.quoted(number));
        }
        PhoneNumber created = directory.add(configured(new PhoneNumber(sids.next("PN"), accountSid, number,
            CallView.formatted(number), Optional.empty(), HttpMethod.POST, Optional.empty(),
            HttpMethod.POST, Optional.empty(), HttpMethod.POST, clock.now()), params));
        ctx.status(201).json(NumberView.of(store.numbers().fetch(accountSid, created.sid()).orElseThrow()));
    }

    private void list(Context ctx) {
        String accountSid = AccountPath.sid(ctx, directory);
        Params params = Params.of(ctx.queryParamMap());
        NumberFilter filter = NumberFilter.ALL;
        if (params.first("PhoneNumber").isPresent()) filter = filter.phoneNumber(params.first("PhoneNumber").get());
        if (params.first("FriendlyName").isPresent()) filter = filter.friendlyName(params.first("FriendlyName").get());
        ctx.json(ListPage.v2010(ctx, "incoming_phone_numbers",
            store.numbers().list(accountSid, filter, ListPage.request(ctx)), NumberView::of));
    }

    private void update(Context ctx) {
        String accountSid = AccountPath.sid(ctx, directory);
        StoredNumber current = required(ctx, accountSid);
        Params params = Params.of(ctx);
        FormRules.unsupported(params, UNSUPPORTED);
        PhoneNumber number = directory.number(current.sid()).orElseThrow(() -> ApiException.notFound(ctx.path()));
        String owner = params.first("AccountSid").map(String::strip).filter(v -> !v.isEmpty()).orElse(accountSid);
        if (!directory.mayActOn(BasicAuth.account(ctx).sid(), owner)) {
            throw ApiException.notFound(AccountPath.of(owner, ".json"));
        }
        PhoneNumber updated = configured(number, params);
        if (owner.equals(number.accountSid())) {
            directory.put(updated);
        } else {
            directory.release(number.sid());
            directory.add(moved(updated, owner));
        }
        ctx.json(NumberView.of(store.numbers().fetch(owner, number.sid()).orElseThrow()));
    }

    /** The number in another account: a number's account never changes in place, so it is released and added there. */
    private static PhoneNumber moved(PhoneNumber n, String accountSid) {
        return new PhoneNumber(n.sid(), accountSid, n.phoneNumber(), n.friendlyName(), n.voiceUrl(), n.voiceMethod(),
            n.voiceFallbackUrl(), n.voiceFallbackMethod(), n.statusCallback(), n.statusCallbackMethod(), n.dateCreated());
    }

    /** The number with the voice configuration the request gives; what it does not give stays as it was. */
    private static PhoneNumber configured(PhoneNumber n, Params params) {
        return new PhoneNumber(n.sid(), n.accountSid(), n.phoneNumber(),
            params.first("FriendlyName").filter(v -> !v.isBlank()).orElse(n.friendlyName()),
            url(params, "VoiceUrl", n.voiceUrl()), method(params, "VoiceMethod", n.voiceMethod()),
            url(params, "VoiceFallbackUrl", n.voiceFallbackUrl()),
            method(params, "VoiceFallbackMethod", n.voiceFallbackMethod()),
            url(params, "StatusCallback", n.statusCallback()),
            method(params, "StatusCallbackMethod", n.statusCallbackMethod()), n.dateCreated());
    }

    private static Optional<String> url(Params params, String name, Optional<String> current) {
        return params.has(name) ? FormRules.url(params, name, 21402) : current;
    }

    private static HttpMethod method(Params params, String name, HttpMethod current) {
        return params.first(name).filter(v -> !v.isBlank()).isPresent() ? FormRules.method(params, name, 21403) : current;
    }

    private StoredNumber required(Context ctx, String accountSid) {
        return store.numbers().fetch(accountSid, ctx.pathParam("Sid")).orElseThrow(() -> ApiException.notFound(ctx.path()));
    }
}
