/**
 * The engine's ports to durable state: {@link dev.parley.engine.store.Store} (accounts, numbers, calls,
 * recordings, alerts and the webhook outbox) and {@link dev.parley.engine.store.MediaStore} (recording audio).
 * The {@code parley-store} module implements both, over JDBC (embedded H2 or PostgreSQL) and the file system;
 * {@link dev.parley.engine.store.memory} implements them in memory, for the engine's and the simulation's tests,
 * and is held to the same contract suite.
 *
 * <p>The values here are the stored shapes of Twilio's resources ({@link dev.parley.engine.store.StoredCall} is
 * what the Calls API shows of a call), kept apart from the engine's live objects so that the REST layer can render
 * every Twilio field from them. Rules:
 * <ul>
 *   <li>Every read and write of an account's resource names the account: one account never sees another's rows.
 *       The few lookups that are not scoped say why (an inbound number, authentication, restart, and {@code find}
 *       by SID for the engine, whose callers check the account).</li>
 *   <li>Times come from the engine's {@code Clock}, never from the database, and are kept to the microsecond.</li>
 *   <li>Lists are newest first ({@code date_created} descending, then SID), in {@link dev.parley.engine.store.Page}s
 *       that follow Twilio's {@code PageSize}, {@code Page} and {@code PageToken}.</li>
 *   <li>Failures are {@link dev.parley.engine.store.StoreException}s (unchecked).</li>
 * </ul>
 */
package dev.parley.engine.store;
