package dev.parley.engine.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a list to read, as Twilio's list APIs ask for it: {@code PageSize} (1 to 1000, default 50),
 * {@code Page} (from 0) and {@code PageToken}. A token ({@code PA} and the SID of the previous page's last row,
 * as Twilio writes it) continues right after that row even when rows were added since; without one, or when its
 * row is gone, the page is found by position.
 */
public record PageRequest(int pageSize, int page, Optional<String> pageToken) {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 1000;

    public PageRequest {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("PageSize must be 1 to " + MAX_PAGE_SIZE + ": " + pageSize);
        }
        if (page < 0) throw new IllegalArgumentException("Page must not be negative: " + page);
        Objects.requireNonNull(pageToken, "pageToken");
    }

    /** The first page of this size. */
    public static PageRequest first(int pageSize) {
        return new PageRequest(pageSize, 0, Optional.empty());
    }

    /** The first page of Twilio's default size, 50. */
    public static PageRequest first() {
        return first(DEFAULT_PAGE_SIZE);
    }

    /** Where a page token points: the SID after which the next page starts, when the token is Parley's. */
    public Optional<String> afterSid() {
        return pageToken.filter(t -> t.startsWith(Page.TOKEN_PREFIX) && t.length() > Page.TOKEN_PREFIX.length())
            .map(t -> t.substring(Page.TOKEN_PREFIX.length()));
    }

    /** Rows to skip when the page is found by position. */
    public long offset() {
        return (long) page * pageSize;
    }
}
