package dev.parley.store;

import dev.parley.engine.store.Store;
import dev.parley.engine.store.memory.InMemoryStore;
import java.nio.file.Path;

/**
 * The databases every store contract test runs against: H2 and PostgreSQL through {@link JdbcStore}, and the
 * engine's {@link InMemoryStore}, which the engine's and the simulation's tests run on and which must keep the
 * same rules.
 */
enum Database {
    H2 {
        @Override
        Instance create(Path directory) {
            return jdbc(StoreConfig.embedded(directory).withMaxPoolSize(4));
        }
    },
    POSTGRESQL {
        @Override
        Instance create(Path directory) {
            return jdbc(TestPostgres.newDatabase());
        }
    },
    MEMORY {
        @Override
        Instance create(Path directory) {
            InMemoryStore data = new InMemoryStore();
            return data::node;
        }
    };

    /** A database, which nodes open: each {@link #open} is a store as one node (by its id) sees it. */
    interface Instance {
        Store open(String nodeId);
    }

    /** A fresh, empty database; H2 keeps its files in {@code directory}. */
    abstract Instance create(Path directory);

    private static Instance jdbc(StoreConfig config) {
        return nodeId -> JdbcStore.open(config.withNodeId(nodeId));
    }
}
