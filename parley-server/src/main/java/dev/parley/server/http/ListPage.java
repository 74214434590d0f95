package dev.parley.server.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A list as Twilio's v1 APIs return one: the items under their key, and {@code meta}. Parley's lists are short
 * and come in one page.
 */
public final class ListPage {

    private ListPage() {
    }

    public static Map<String, Object> of(Context ctx, String key, List<?> items) {
        String url = Links.absolute(ctx, ctx.path());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", 0);
        meta.put("page_size", items.size());
        meta.put("first_page_url", url);
        meta.put("previous_page_url", null);
        meta.put("url", url);
        meta.put("next_page_url", null);
        meta.put("key", key);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put(key, items);
        page.put("meta", meta);
        return page;
    }
}
