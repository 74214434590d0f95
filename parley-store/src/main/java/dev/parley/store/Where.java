package dev.parley.store;

import dev.parley.engine.store.TimeRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The conditions of a query and their arguments, built up from a filter: only what is set becomes SQL. */
final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> args = new ArrayList<>();

    Where copy() {
        Where copy = new Where();
        copy.conditions.addAll(conditions);
        copy.args.addAll(args);
        return copy;
    }

    /** A condition with {@code ?} for each argument. */
    Where and(String condition, Object... values) {
        conditions.add(condition);
        args.addAll(Arrays.asList(values));
        return this;
    }

    Where equal(String column, Object value) {
        return and(column + " = ?", value);
    }

    /** {@code column = value} when the value is present; nothing otherwise. */
    Where equal(String column, Optional<?> value) {
        return value.isPresent() ? equal(column, value.get()) : this;
    }

    /** The column inside the range (a NULL column is outside any bounded one). */
    Where within(String column, TimeRange range) {
        range.from().ifPresent(from -> and(column + " >= ?", from));
        range.before().ifPresent(before -> and(column + " < ?", before));
        return this;
    }

    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The arguments of {@code first} (e.g. an UPDATE's SET values) followed by the conditions'. */
    Object[] argsAfter(Object... first) {
        List<Object> all = new ArrayList<>(Arrays.asList(first));
        all.addAll(args);
        return all.toArray();
    }

    /** The conditions' arguments followed by {@code more} (e.g. LIMIT and OFFSET). */
    Object[] args(Object... more) {
        List<Object> all = new ArrayList<>(args);
        all.addAll(Arrays.asList(more));
        return all.toArray();
    }
}
