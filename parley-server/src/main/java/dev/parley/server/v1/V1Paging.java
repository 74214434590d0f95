package dev.parley.server.v1;

import dev.parley.server.http.ListPage;
import dev.parley.server.http.MemoryPages;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Lists as Twilio's v1 APIs page them: {@code PageSize} (1 to the list's maximum, default 50), {@code Page} (from 0,
 * "simply for client state") and {@code PageToken} ({@code PA} and the SID of the previous page's last item, the
 * engine's {@code Page} tokens), answered with the items under their key and {@code meta}. The rules and the
 * envelope are the shared ones of {@link ListPage} (and {@link MemoryPages} for lists held in memory).
 */
public final class V1Paging {

    private V1Paging() {
    }

    /** One page of the items (all the list's items, in its order) as the request asks, in Twilio's envelope. */
    public static <T> Map<String, Object> page(Context ctx, int maxPageSize, String key, List<T> items,
                                               Function<T, String> sid, Function<T, ?> view) {
        return ListPage.v1(ctx, key, MemoryPages.page(items, ListPage.request(ctx, maxPageSize), sid), view);
    }
}
