package dev.parley.server;

import dev.parley.server.api2010.Api2010;
import dev.parley.server.control.ControlApi;
import dev.parley.server.demo.DemoApp;
import dev.parley.server.http.BasicAuth;
import dev.parley.server.http.HttpErrors;
import dev.parley.server.http.Json;
import dev.parley.server.http.Routes;
import dev.parley.server.metrics.MetricsRoutes;
import dev.parley.server.v1.V1Api;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;

/**
 * Parley over HTTP: one Javalin app composed of small route classes, one per resource: Parley's own control API
 * under {@code /parley/v1} ({@link ControlApi}), Twilio's REST API 2010-04-01 under {@code /2010-04-01}
 * ({@link Api2010}) and Twilio's v1 product APIs ({@link V1Api}). Requests authenticate with {@link BasicAuth}
 * (but a read of recording media, the demo app's own webhooks, and {@code /metrics} ({@link MetricsRoutes}),
 * Prometheus's, without authentication); every failure is Twilio's error body.
 */
public final class ParleyServer implements AutoCloseable {

    private final Javalin app;

    private ParleyServer(Javalin app) {
        this.app = app;
    }

    /** Starts listening on the configured host and port; throws when it cannot (the port is taken). */
    public static ParleyServer start(Parley parley) {
        return start(parley, List.of());
    }

    /**
     * Also serves these apps' routes (the demo's voice app, {@link DemoApp}, which authenticates Parley's requests
     * by their signature rather than Basic auth).
     */
    public static ParleyServer start(Parley parley, List<Routes> apps) {
        BasicAuth auth = new BasicAuth(parley.directory());
        List<Routes> routes = new ArrayList<>();
        routes.add(new HttpErrors());
        routes.add(r -> r.before("/parley/*", ctx -> {
            if (!DemoApp.owns(ctx.path())) auth.check(ctx);
        }));
        routes.addAll(apps);
        routes.add(new MetricsRoutes(parley.metrics()));
        routes.addAll(ControlApi.routes(parley.clock(), parley.sids(), parley.directory(), parley.network(),
            parley.engine()));
        routes.addAll(Api2010.routes(auth, parley.clock(), parley.sids(), parley.directory(), parley.engine(),
            parley.store(), parley.media()));
        routes.addAll(V1Api.routes(auth, parley.directory(), parley.engine(), parley.frontline(),
            parley.store().conversations()));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(Json.mapper(), true));
            routes.forEach(r -> r.addTo(config.routes));
        });
        try {
            app.start(parley.config().host(), parley.config().port());
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
        return new ParleyServer(app);
    }

    /** The port it listens on (the one picked, when configured with 0). */
    public int port() {
        return app.port();
    }

    /** Stops listening; the {@link Parley} stays open (its owner closes it). */
    @Override
    public void close() {
        app.stop();
    }
}
