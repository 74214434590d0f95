package dev.parley.server.http;

import io.javalin.router.JavalinDefaultRoutingApi;

/** The routes of one resource (one class each), added to the HTTP app that composes them. */
@FunctionalInterface
public interface Routes {
    void addTo(JavalinDefaultRoutingApi routing);
}
