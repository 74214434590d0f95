package dev.parley.server.control;

import dev.parley.server.http.ApiException;
import dev.parley.server.http.ListPage;
import dev.parley.server.http.Params;
import dev.parley.server.http.Routes;
import dev.parley.sim.PhoneCall;
import dev.parley.sim.VirtualPhone;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Optional;

/**
 * {@code /parley/v1/Phones/{Address}/Calls}: the phone's calls, in the order it saw them; {@code POST} with
 * {@code To} places a call to Parley from the phone.
 */
final class PhoneCallsRoutes implements Routes {

    private static final String CALLS = ControlApi.BASE + "/Phones/{address}/Calls";

    private final Phones phones;

    PhoneCallsRoutes(Phones phones) {
        this.phones = phones;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.get(CALLS, ctx -> ctx.json(ListPage.of(ctx, "calls",
            phones.required(ctx).calls().stream().map(PhoneCallView::of).toList())));
        routing.post(CALLS, this::place);
        routing.get(CALLS + "/{callSid}", ctx -> ctx.json(PhoneCallView.of(phones.required(ctx)
            .callWithSid(ctx.pathParam("callSid")).orElseThrow(() -> ApiException.notFound(ctx.path())))));
    }

    /**
     * The phone calls {@code To} at Parley. 201 with the call as the phone sees it; when nothing at Parley answers
     * to {@code To}, the call is {@code failed} and has no {@code call_sid}.
     */
    private void place(Context ctx) {
        VirtualPhone phone = phones.required(ctx);
        String to = Params.of(ctx).required("To");
        if (!Phones.isAddress(to)) {
            throw new ApiException(400, 21211, "Invalid 'To' Phone Number: " + Params.quoted(to));
        }
        Optional<String> callSid = phone.call(to);
        PhoneCall call = callSid.flatMap(phone::callWithSid).or(phone::lastCall).orElseThrow();
        ctx.status(201).json(PhoneCallView.of(call));
    }
}
