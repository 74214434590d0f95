package dev.parley.engine.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list, newest first. {@code nextPageToken} is present when more rows follow: the REST layer puts
 * it, with {@code Page} + 1, in {@code next_page_uri} (null on the last page, as at Twilio).
 */
public record Page<T>(List<T> items, int page, int pageSize, Optional<String> nextPageToken) {

    /** Twilio's page tokens are {@code PA} followed by the SID of the last row already read. */
    public static final String TOKEN_PREFIX = "PA";

    public Page {
        items = List.copyOf(items);
    }

    /** Every row of a list, newest first, read page after page (pages of the largest size). */
    public static <T> List<T> all(Function<PageRequest, Page<T>> list) {
        List<T> rows = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_PAGE_SIZE));
        while (next.isPresent()) {
            Page<T> page = list.apply(next.get());
            rows.addAll(page.items());
            next = page.next();
        }
        return rows;
    }

    /** The request for the page after this one, when there is one. */
    public Optional<PageRequest> next() {
        return nextPageToken.map(token -> new PageRequest(pageSize, page + 1, Optional.of(token)));
    }
}
