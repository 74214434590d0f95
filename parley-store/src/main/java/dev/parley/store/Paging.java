package dev.parley.store;

import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lists in Twilio's order, newest first ({@code date_created} descending, then SID), one page at a time. With a
 * page token the page starts right after the token's row, so rows added meanwhile neither repeat nor shift the
 * page; otherwise it is found by position ({@code Page} × {@code PageSize}).
 */
final class Paging {

    private Paging() {
    }

    static <T> Page<T> page(Queries q, String table, Where where, PageRequest request, Queries.Mapper<T> mapper,
                            Function<T, String> sidOf) {
        Where query = where.copy();
        long offset = request.offset();
        Optional<String> after = request.afterSid();
        if (after.isPresent()) {
            Where anchorQuery = where.copy().equal("sid", after.get());
            Optional<Instant> anchor = q.one("SELECT date_created FROM " + table + anchorQuery.sql(),
                row -> row.instant("date_created"), anchorQuery.args());
            if (anchor.isPresent()) {
                query.and("(date_created < ? OR (date_created = ? AND sid < ?))", anchor.get(), anchor.get(),
                    after.get());
                offset = 0;
            }
        }
        int size = request.pageSize();
        List<T> rows = q.list("SELECT * FROM " + table + query.sql() + " ORDER BY date_created DESC, sid DESC"
            + " LIMIT ? OFFSET ?", mapper, query.args(size + 1, offset));
        if (rows.size() <= size) return new Page<>(rows, request.page(), size, Optional.empty());
        List<T> items = rows.subList(0, size);
        String token = Page.TOKEN_PREFIX + sidOf.apply(items.getLast());
        return new Page<>(items, request.page(), size, Optional.of(token));
    }
}
