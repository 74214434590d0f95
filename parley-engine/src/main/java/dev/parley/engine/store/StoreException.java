package dev.parley.engine.store;

/** The store could not do what was asked: the database failed, or a write broke a rule (e.g. a duplicate SID). */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
