package dev.parley.server.v1;

import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.server.http.ApiException;
import dev.parley.server.http.Params;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Lists as Twilio's v1 APIs page them: {@code PageSize} (1 to the list's maximum, default 50), {@code Page} (from 0,
 * "simply for client state") and {@code PageToken} ({@code PA} and the SID of the previous page's last item, the
 * engine's {@link Page} tokens), answered with the items under their key and {@code meta}: {@code page},
 * {@code page_size}, {@code first_page_url}, {@code previous_page_url}, {@code url}, {@code next_page_url},
 * {@code key}. Page URLs keep the request's filters and add {@code PageSize}, {@code Page} (and
 * {@code PageToken}), in Twilio's order.
 */
public final class V1Paging {

    private static final Set<String> PAGING = Set.of("PageSize", "Page", "PageToken");

    private V1Paging() {
    }

    /** One page of the items (all the list's items, in its order) as the request asks, in Twilio's envelope. */
    public static <T> Map<String, Object> page(Context ctx, Params params, int maxPageSize, String key, List<T> items,
                                               Function<T, String> sid, Function<T, ?> view) {
        PageRequest request = request(params, maxPageSize);
        Page<T> page = slice(items, request, sid);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, page.items().stream().map(view).toList());
        body.put("meta", meta(ctx, key, request, page));
        return body;
    }

    static PageRequest request(Params params, int maxPageSize) {
        int size = number(params, "PageSize", PageRequest.DEFAULT_PAGE_SIZE);
        if (size < 1 || size > maxPageSize) {
            throw ApiException.badRequest("Invalid PageSize: " + size + " (1 to " + maxPageSize + ")");
        }
        int page = number(params, "Page", 0);
        if (page < 0) throw ApiException.badRequest("Invalid Page: " + page + " (0 or more)");
        return new PageRequest(size, page, params.first("PageToken").filter(t -> !t.isBlank()));
    }

    /** The page: right after the token's item when the token names one still in the list, else by position. */
    static <T> Page<T> slice(List<T> items, PageRequest request, Function<T, String> sid) {
        long start = request.offset();
        Optional<String> after = request.afterSid();
        if (after.isPresent()) {
            for (int i = 0; i < items.size(); i++) {
                if (sid.apply(items.get(i)).equals(after.get())) {
                    start = i + 1;
                    break;
                }
            }
        }
        int from = (int) Math.min(start, items.size());
        int to = (int) Math.min((long) from + request.pageSize(), items.size());
        List<T> slice = items.subList(from, to);
        Optional<String> next = to < items.size() && !slice.isEmpty()
            ? Optional.of(Page.TOKEN_PREFIX + sid.apply(slice.getLast())) : Optional.empty();
        return new Page<>(slice, request.page(), request.pageSize(), next);
    }

    private static Map<String, Object> meta(Context ctx, String key, PageRequest request, Page<?> page) {
        String filters = filters(ctx.queryString());
        String base = V1Links.requestUrl(ctx) + "?" + filters + "PageSize=" + request.pageSize() + "&Page=";
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", request.page());
        meta.put("page_size", request.pageSize());
        meta.put("first_page_url", base + 0);
        meta.put("previous_page_url", request.page() > 0 ? base + (request.page() - 1) : null);
        meta.put("url", base + request.page() + request.pageToken().map(t -> "&PageToken=" + encode(t)).orElse(""));
        meta.put("next_page_url", page.nextPageToken().map(t -> base + (request.page() + 1) + "&PageToken=" + encode(t))
            .orElse(null));
        meta.put("key", key);
        return meta;
    }

    /** The request's query without the paging parameters, as sent, each pair followed by {@code &}. */
    private static String filters(String query) {
        if (query == null || query.isEmpty()) return "";
        StringBuilder kept = new StringBuilder();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
            if (!PAGING.contains(name)) kept.append(pair).append('&');
        }
        return kept.toString();
    }

    private static int number(Params params, String name, int otherwise) {
        Optional<String> value = params.first(name);
        if (value.isEmpty()) return otherwise;
        try {
            return Integer.parseInt(value.get().strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid " + name + ": " + Params.quoted(value.get()) + " is not a number");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
