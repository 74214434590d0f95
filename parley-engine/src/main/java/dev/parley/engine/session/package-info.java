/**
 * The {@code <Connect><Conversation>} session: one explicit state machine ({@link
 * dev.parley.engine.session.SessionMachine}) with its states ({@link dev.parley.engine.session.SessionState}), typed
 * events ({@link dev.parley.engine.session.SessionEvent}), transitions declared once, and side effects through the
 * {@link dev.parley.engine.session.SessionContext} that the call engine implements over the call running it
 * ({@code dev.parley.engine.call.ConversationSession}). Its questions to the conversations domain are
 * {@code SessionLookup}'s; the request parameters it owes are built in its exit and in {@code SessionStatusCallbacks}.
 * The table, and the decisions behind it, are in {@code docs/conversation.md}.
 */
package dev.parley.engine.session;
