/**
 * The engine's ports to durable state: {@link dev.parley.engine.store.Store} (accounts, numbers, calls and their
 * timelines, recordings, alerts and the webhook outbox) and {@link dev.parley.engine.store.MediaStore} (recording
 * audio). The {@code parley-store} module implements both, over JDBC (embedded H2 or PostgreSQL) and the file system;
 * {@link dev.parley.engine.store.memory} implements them in memory, for the engine's and the simulation's tests,
 * and is held to the same contract suite.
 *
 * <p>Nothing of a call that has ended stays in the engine's memory: the store is its only holder. That includes
 * its timeline ({@link dev.parley.engine.store.TimelineStore}), which the engine appends to line by line as the call
 * runs (one INSERT each over JDBC, nothing cached) and reads back from the store for the control API; a line goes
 * with its call (deleted with it) and keeps its order by a sequence, not by its instant, since many lines share
 * one instant of a virtual clock. The in-memory store keeps everything, being the tests' store.
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
 *       that follow Twilio's {@code PageSize}, {@code Page} and {@code PageToken}; a timeline, which is no Twilio
 *       resource, reads whole and in the order it happened.</li>
 *   <li>Failures are {@link dev.parley.engine.store.StoreException}s (unchecked).</li>
 * </ul>
 */
package dev.parley.engine.store;
