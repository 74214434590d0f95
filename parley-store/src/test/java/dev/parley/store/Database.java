package dev.parley.store;

import java.nio.file.Path;

/** The databases every store contract test runs against. */
enum Database {
    H2 {
        @Override
        StoreConfig newDatabase(Path directory) {
            return StoreConfig.embedded(directory).withMaxPoolSize(4);
        }
    },
    POSTGRESQL {
        @Override
        StoreConfig newDatabase(Path directory) {
            return TestPostgres.newDatabase();
        }
    };

    /** A fresh, empty database; H2 keeps its files in {@code directory}. */
    abstract StoreConfig newDatabase(Path directory);
}
