package dev.parley.server.http;

import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Twilio's lists, both shapes, and the paging parameters they take ({@code PageSize} 1 to 1000, default 50;
 * {@code Page} from 0; {@code PageToken}, see {@link PageRequest}).
 *
 * <p>The 2010-04-01 API puts the items under their key beside {@code first_page_uri}, {@code end},
 * {@code previous_page_uri}, {@code uri}, {@code page_size}, {@code start}, {@code next_page_uri} and
 * {@code page}, with URIs relative to the host ({@link #v2010}). The v1 APIs put them beside {@code meta}
 * ({@code page}, {@code page_size}, {@code first_page_url}, {@code previous_page_url}, {@code url},
 * {@code next_page_url}, {@code key}) with absolute URLs ({@link #v1}). In both, each URI repeats the request's
 * filters in the order they came, then {@code PageSize} and {@code Page}, then the {@code PageToken} that leads
 * there; the next page's token is {@code PA} and the SID of this page's last item (the store's
 * {@link Page#nextPageToken()}), and the previous page is found by position. {@code page_size} is the size asked
 * for, not the number of items.
 */
public final class ListPage {

    private static final Set<String> PAGING = Set.of("PageSize", "Page", "PageToken");

    private ListPage() {
    }

    /** The page a list request asks for; 400 (20001) when {@code PageSize} or {@code Page} is not valid. */
    public static PageRequest request(Context ctx) {
        return request(ctx, PageRequest.MAX_PAGE_SIZE);
    }

    /** The same, for a list whose pages are smaller than Twilio's usual 1000 at most (some v1 lists: 100). */
    public static PageRequest request(Context ctx, int maxPageSize) {
        Params params = Params.of(ctx.queryParamMap());
        int size = integer(params, "PageSize", PageRequest.DEFAULT_PAGE_SIZE);
        if (size < 1 || size > maxPageSize) {
            throw ApiException.badRequest("Invalid PageSize: " + size + " (1 to " + maxPageSize + ")");
        }
        int page = integer(params, "Page", 0);
        if (page < 0) throw ApiException.badRequest("Invalid Page: " + page + " (0 or more)");
        return new PageRequest(size, page, params.first("PageToken").filter(t -> !t.isBlank()));
    }

    /** A 2010-04-01 list: the items of {@code page}, rendered by {@code view}, under {@code key}. */
    public static <T> Map<String, Object> v2010(Context ctx, String key, Page<T> page, Function<T, ?> view) {
        String path = ctx.path();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("first_page_uri", path + query(ctx, page.pageSize(), 0, Optional.empty()));
        body.put("end", page.items().isEmpty() ? start(page) : start(page) + page.items().size() - 1);
        body.put("previous_page_uri", previous(ctx, page).map(path::concat).orElse(null));
        body.put("uri", path + query(ctx, page.pageSize(), page.page(), token(ctx)));
        body.put("page_size", page.pageSize());
        body.put("start", start(page));
        body.put("next_page_uri", next(ctx, page).map(path::concat).orElse(null));
        body.put("page", page.page());
        body.put(key, page.items().stream().map(view).toList());
        return body;
    }

    /** A v1 list: the items of {@code page}, rendered by {@code view}, under {@code key}, and {@code meta}. */
    public static <T> Map<String, Object> v1(Context ctx, String key, Page<T> page, Function<T, ?> view) {
        String url = Links.absolute(ctx, ctx.path());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", page.page());
        meta.put("page_size", page.pageSize());
        meta.put("first_page_url", url + query(ctx, page.pageSize(), 0, Optional.empty()));
        meta.put("previous_page_url", previous(ctx, page).map(url::concat).orElse(null));
        meta.put("url", url + query(ctx, page.pageSize(), page.page(), token(ctx)));
        meta.put("next_page_url", next(ctx, page).map(url::concat).orElse(null));
        meta.put("key", key);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, page.items().stream().map(view).toList());
        body.put("meta", meta);
        return body;
    }

    /** A short list in one v1 page (Parley's own control API). */
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

    private static long start(Page<?> page) {
        return (long) page.page() * page.pageSize();
    }

    private static Optional<String> token(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("PageToken")).filter(t -> !t.isBlank());
    }

    private static Optional<String> previous(Context ctx, Page<?> page) {
        return page.page() == 0 ? Optional.empty()
            : Optional.of(query(ctx, page.pageSize(), page.page() - 1, Optional.empty()));
    }

    private static Optional<String> next(Context ctx, Page<?> page) {
        return page.next().map(n -> query(ctx, n.pageSize(), n.page(), n.pageToken()));
    }

    /** {@code ?} the request's filters, then the paging parameters. */
    private static String query(Context ctx, int pageSize, int page, Optional<String> pageToken) {
        StringBuilder query = new StringBuilder();
        ctx.queryParamMap().forEach((name, values) -> {
            if (PAGING.contains(name)) return;
            values.forEach(value -> append(query, name, value));
        });
        append(query, "PageSize", String.valueOf(pageSize));
        append(query, "Page", String.valueOf(page));
        pageToken.ifPresent(token -> append(query, "PageToken", token));
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        query.append(query.isEmpty() ? '?' : '&').append(encode(name)).append('=').append(encode(value));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int integer(Params params, String name, int otherwise) {
        Optional<String> value = params.first(name);
        if (value.isEmpty()) return otherwise;
        try {
            return Integer.parseInt(value.get().strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid " + name + ": " + Params.quoted(value.get()) + " is not a number");
        }
    }
}
