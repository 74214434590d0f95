package dev.parley.server.control;

import dev.parley.server.http.ListPage;
import dev.parley.server.http.Params;
import dev.parley.server.http.Routes;
import dev.parley.sim.VirtualPhone;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code /parley/v1/Phones}: create or set up a phone ({@code POST}, with {@code Address} and the set-up
 * parameters of {@link PhoneSetupParams}), list them, read one, set one up again ({@code POST} on the phone).
 */
final class PhonesRoutes implements Routes {

    private static final String PHONES = ControlApi.BASE + "/Phones";

    private final Phones phones;

    PhonesRoutes(Phones phones) {
        this.phones = phones;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.get(PHONES, this::list);
        routing.post(PHONES, this::create);
        routing.get(PHONES + "/{address}", ctx -> ctx.json(view(ctx, phones.required(ctx))));
        routing.post(PHONES + "/{address}", this::update);
    }

    private void list(Context ctx) {
        ctx.json(ListPage.of(ctx, "phones", phones.all().stream().map(p -> view(ctx, p)).toList()));
    }

    /** 201 for a new phone; 200 when the phone was there (it is set up again), so a client may simply ensure it. */
    private void create(Context ctx) {
        Params params = Params.of(ctx);
        String address = Phones.address("Address", params.required("Address"));
        boolean existed = phones.find(address).isPresent();
        VirtualPhone phone = phones.configure(address, params);
        ctx.status(existed ? 200 : 201).json(view(ctx, phone));
    }

    private void update(Context ctx) {
        VirtualPhone phone = phones.required(ctx);
        ctx.json(view(ctx, phones.configure(phone.address(), Params.of(ctx))));
    }

    private PhoneView view(Context ctx, VirtualPhone phone) {
        return PhoneView.of(ctx, phone, phones.setup(phone));
    }
}
