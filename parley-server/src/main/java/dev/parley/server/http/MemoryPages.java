package dev.parley.server.http;

import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list held in memory, with the store's paging rules (the JDBC store's {@code Paging}): the rows are
 * newest first; a {@code PageToken} ({@code PA} and a SID) starts the page right after that row, or, when the row
 * is gone, the page is found by position. For the lists that do not come from the store yet.
 */
public final class MemoryPages {

    private MemoryPages() {
    }

    public static <T> Page<T> page(List<T> newestFirst, PageRequest request, Function<T, String> sidOf) {
        int from = (int) Math.min(request.offset(), newestFirst.size());
        Optional<String> after = request.afterSid();
        if (after.isPresent()) {
            for (int i = 0; i < newestFirst.size(); i++) {
                if (sidOf.apply(newestFirst.get(i)).equals(after.get())) {
                    from = i + 1;
                    break;
                }
            }
        }
        int to = Math.min(newestFirst.size(), from + request.pageSize());
        List<T> items = newestFirst.subList(from, to);
        Optional<String> token = to < newestFirst.size()
            ? Optional.of(Page.TOKEN_PREFIX + sidOf.apply(items.getLast())) : Optional.empty();
        return new Page<>(items, request.page(), request.pageSize(), token);
    }
}
