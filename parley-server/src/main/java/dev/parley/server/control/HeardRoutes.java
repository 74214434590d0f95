package dev.parley.server.control;

import dev.parley.server.http.ListPage;
import dev.parley.server.http.Params;
import dev.parley.server.http.Routes;
import dev.parley.sim.Heard;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;

/** {@code /parley/v1/Phones/{Address}/Heard}: everything the phone heard, in order; {@code ?CallSid=} for one call. */
final class HeardRoutes implements Routes {

    private final Phones phones;

    HeardRoutes(Phones phones) {
        this.phones = phones;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routing) {
        routing.get(ControlApi.BASE + "/Phones/{address}/Heard", ctx -> {
            List<Heard> heard = phones.required(ctx).heard();
            List<Heard> selected = Params.of(ctx).first("CallSid")
                .map(sid -> heard.stream().filter(h -> h.callSid().equals(sid)).toList())
                .orElse(heard);
            ctx.json(ListPage.of(ctx, "heard", selected.stream().map(HeardView::of).toList()));
        });
    }
}
