package dev.parley.server.http;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Absolute URLs of resources, as Twilio's v1 APIs give them, on the host the client reached Parley by. */
public final class Links {

    private Links() {
    }

    public static String absolute(Context ctx, String path) {
        return ctx.scheme() + "://" + ctx.host() + path;
    }

    /** One path segment, percent-encoded ({@code +15551230001} → {@code %2B15551230001}). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
