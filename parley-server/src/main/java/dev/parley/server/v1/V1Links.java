package dev.parley.server.v1;

import io.javalin.http.Context;

/**
 * The absolute URLs in v1 answers ({@code url}, {@code links}, paging): on the scheme and host the client reached
 * Parley by, and under the product prefix when the request came by one, so that a client can follow them.
 */
public final class V1Links {

    private static final String PREFIX = "parley.v1.prefix";

    private V1Links() {
    }

    /** Notes that the request came under the product's prefix ({@link V1Router}). */
    static void cameByPrefix(Context ctx, Product product) {
        ctx.attribute(PREFIX, product.prefix());
    }

    /** The URL of a v1 path ({@code /v1/Services/IS…}) for this request's client. */
    public static String url(Context ctx, String v1Path) {
        String prefix = ctx.attribute(PREFIX);
        return base(ctx) + (prefix == null ? "" : prefix) + v1Path;
    }

    /** The URL of a product's v1 path under its prefix, for answers to Parley's own paths. */
    public static String url(Context ctx, Product product, String v1Path) {
        return base(ctx) + product.prefix() + v1Path;
    }

    private static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }
}
