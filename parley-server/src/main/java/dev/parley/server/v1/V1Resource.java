package dev.parley.server.v1;

/** The endpoints of one v1 resource (one class each), added to the {@link V1Router} of their product's paths. */
@FunctionalInterface
public interface V1Resource {
    void addTo(V1Router router);
}
