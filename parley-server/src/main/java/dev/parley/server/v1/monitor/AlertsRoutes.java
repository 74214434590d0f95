package dev.parley.server.v1.monitor;

import dev.parley.engine.call.Alert;
import dev.parley.engine.call.CallEngine;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;
import dev.parley.server.v1.Owners;
import dev.parley.server.v1.Product;
import dev.parley.server.v1.V1Dates;
import dev.parley.server.v1.V1Paging;
import dev.parley.server.v1.V1Resource;
import dev.parley.server.v1.V1Router;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Twilio's Monitor v1 API ({@code monitor.twilio.com}): the debugger alerts that the engine raised for the
 * account's calls. {@code /v1/Alerts} lists the caller's, newest first, with Twilio's filters {@code LogLevel}
 * ({@code error}, {@code warning}, {@code notice}, {@code debug}), {@code StartDate} and {@code EndDate} (when it
 * was raised, both ends included) and {@code PageSize} up to 1000; {@code /v1/Alerts/{Sid}} fetches one of the
 * caller's or its subaccounts'.
 */
public final class AlertsRoutes implements V1Resource {

    private static final List<String> LOG_LEVELS = List.of("error", "warning", "notice", "debug");

    private final CallEngine engine;
    private final Owners owners;

    public AlertsRoutes(CallEngine engine, Owners owners) {
        this.engine = engine;
        this.owners = owners;
    }

    @Override
    public void addTo(V1Router router) {
        router.get(Product.MONITOR, "/v1/Alerts", this::list);
        router.get(Product.MONITOR, "/v1/Alerts/{Sid}", this::fetch);
    }

    private void list(Context ctx) {
        Params params = Params.of(ctx);
        Optional<String> level = params.first("LogLevel").filter(v -> !v.isBlank());
        if (level.isPresent() && !LOG_LEVELS.contains(level.get())) {
            throw ApiException.badRequest("Invalid LogLevel: " + Params.quoted(level.get())
                + " (error, warning, notice or debug)");
        }
        Optional<Instant> start = V1Dates.start(params, "StartDate");
        Optional<Instant> end = V1Dates.end(params, "EndDate");
        List<Alert> alerts = engine.alerts(owners.caller(ctx)).reversed().stream()
            .filter(a -> level.isEmpty() || a.logLevel().equals(level.get()))
            .filter(a -> V1Dates.within(a.dateCreated(), start, end))
            .sorted(Comparator.comparing(Alert::dateCreated).reversed())
            .toList();
        ctx.json(V1Paging.page(ctx, 1000, "alerts", alerts, Alert::sid, a -> AlertView.of(ctx, a, false)));
    }

    private void fetch(Context ctx) {
        String sid = ctx.pathParam("Sid");
        Alert alert = owners.reachable(ctx).stream().flatMap(account -> engine.alerts(account).stream())
            .filter(a -> a.sid().equals(sid)).findFirst()
            .orElseThrow(() -> ApiException.notFound(ctx.path()));
        ctx.json(AlertView.of(ctx, alert, true));
    }
}
