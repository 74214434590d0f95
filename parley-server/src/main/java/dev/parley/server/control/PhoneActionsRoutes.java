package dev.parley.server.control;

import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;
import dev.parley.server.http.Routes;
import dev.parley.sim.VirtualPhone;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.function.BiConsumer;

/**
 * What a phone does now, on its latest call in the state the action needs: {@code Answer} or {@code Decline} a
 * ringing incoming call; press {@code Digits}, {@code Talk} for {@code Seconds}, or {@code Hangup} on the call
 * going on. Each answers with the phone; 400 with 21220 when no call is in that state.
 */
final class PhoneActionsRoutes implements Routes {

    private static final String PHONE = ControlApi.BASE + "/Phones/{address}";

    private final Phones phones;

    PhoneActionsRoutes(Phones phones) {
        this.phones = phones;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.post(PHONE + "/Answer", ctx -> act(ctx, (phone, params) -> phone.answer()));
        routing.post(PHONE + "/Decline", ctx -> act(ctx, (phone, params) -> phone.decline()));
        routing.post(PHONE + "/Hangup", ctx -> act(ctx, (phone, params) -> phone.hangup()));
        routing.post(PHONE + "/Digits", ctx -> act(ctx, (phone, params) ->
            phone.press(PhoneSetupParams.keys("Digits", params.required("Digits")))));
        routing.post(PHONE + "/Talk", ctx -> act(ctx, (phone, params) ->
            phone.talkNow(params.seconds("Seconds").orElseThrow(() -> ApiException.missing("Seconds")))));
    }

    private void act(Context ctx, BiConsumer<VirtualPhone, Params> action) {
        VirtualPhone phone = phones.required(ctx);
        Params params = Params.of(ctx);
        try {
            action.accept(phone, params);
        } catch (IllegalStateException e) {
            throw ApiException.invalidCallState(e.getMessage());
        }
        ctx.json(PhoneView.of(ctx, phone, phones.setup(phone)));
    }
}
