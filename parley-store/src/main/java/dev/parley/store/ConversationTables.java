package dev.parley.store;

import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.ConversationBindings;
import dev.parley.engine.conversation.ConversationReads;
import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.ConversationState;
import dev.parley.engine.conversation.ConversationStore;
import dev.parley.engine.conversation.ConversationTimers;
import dev.parley.engine.conversation.MessagingBinding;
import dev.parley.engine.conversation.Participant;
import dev.parley.engine.conversation.Routing;
import dev.parley.engine.conversation.Worker;
import dev.parley.engine.conversation.WorkerState;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The conversation domain's tables, read and written through {@link Queries}: on the pool for reads outside a
 * transaction, on one connection inside {@link JdbcConversationStore#atomically}. A {@code put} updates the row by
 * SID or, when there is none, inserts it (no upsert statement is common to H2 and PostgreSQL; the account's lock
 * makes the two steps safe).
 */
class ConversationTables implements ConversationReads {

    final Queries q;

    ConversationTables(Queries q) {
        this.q = q;
    }

    // ---- reads

    @Override
    public Optional<ConversationService> service(String sid) {
        return first("conversation_services", ConversationTables::service, "sid = ?", sid);
    }

    @Override
    public List<ConversationService> services(String accountSid) {
        return rows("conversation_services", ConversationTables::service, "account_sid = ?", accountSid);
    }

    @Override
    public Optional<String> defaultServiceSid(String accountSid) {
        return q.one("SELECT service_sid FROM default_conversation_services WHERE account_sid = ?",
            r -> r.string("service_sid"), accountSid);
    }

    @Override
    public Optional<Conversation> conversation(String sid) {
        return first("conversations", ConversationTables::conversation, "sid = ?", sid);
    }

    @Override
    public Optional<Conversation> conversationByUniqueName(String chatServiceSid, String uniqueName) {
        return first("conversations", ConversationTables::conversation, "chat_service_sid = ? AND unique_name = ?",
            chatServiceSid, uniqueName);
    }

    @Override
    public List<Conversation> conversations(String chatServiceSid) {
        return rows("conversations", ConversationTables::conversation, "chat_service_sid = ?", chatServiceSid);
    }

    @Override
    public Optional<Participant> participant(String sid) {
        return first("participants", ConversationTables::participant, "sid = ?", sid);
    }

    @Override
    public List<Participant> participants(String conversationSid) {
        return rows("participants", ConversationTables::participant, "conversation_sid = ?", conversationSid);
    }

    @Override
    public List<Participant> participantsByAddress(String accountSid, String address) {
        return rows("participants", ConversationTables::participant, "account_sid = ? AND binding_address = ?",
            accountSid, address);
    }

    @Override
    public List<Participant> participantsByIdentity(String chatServiceSid, String identity) {
        return rows("participants", ConversationTables::participant, "chat_service_sid = ? AND identity = ?",
            chatServiceSid, identity);
    }

    @Override
    public Optional<Worker> worker(String sid) {
        return first("frontline_users", ConversationTables::worker, "sid = ?", sid);
    }

    @Override
    public Optional<Worker> workerByIdentity(String accountSid, String identity) {
        return first("frontline_users", ConversationTables::worker, "account_sid = ? AND identity = ?", accountSid,
            identity);
    }

    @Override
    public List<Worker> workers(String accountSid) {
        return rows("frontline_users", ConversationTables::worker, "account_sid = ?", accountSid);
    }

    /** The rows of a table that meet a condition, in the order they were created. */
    private <T> List<T> rows(String table, Queries.Mapper<T> mapper, String condition, Object... args) {
        return q.list("SELECT * FROM " + table + " WHERE " + condition + " ORDER BY created_order", mapper, args);
    }

    private <T> Optional<T> first(String table, Queries.Mapper<T> mapper, String condition, Object... args) {
        return rows(table, mapper, condition, args).stream().findFirst();
    }

    // ---- writes (inside a transaction)

    /** The writes of one transaction, on its connection. */
    static final class Writes extends ConversationTables implements ConversationStore.Transaction {

        Writes(Queries tx) {
            super(tx);
        }

        @Override
        public void put(ConversationService s) {
            String mode = switch (s.routing()) {
                case Routing.None n -> "none";
                case Routing.Pool p -> "pool";
                case Routing.Custom c -> "custom";
            };
            Optional<String> url = s.routing() instanceof Routing.Custom c ? Optional.of(c.callbackUrl()) : Optional.empty();
            if (q.update("UPDATE conversation_services SET friendly_name = ?, routing = ?, routing_callback_url = ?,"
                + " date_updated = ? WHERE sid = ?", s.friendlyName(), mode, url, s.dateUpdated(), s.sid()) == 0) {
                q.update("INSERT INTO conversation_services (sid, account_sid, friendly_name, routing,"
                        + " routing_callback_url, date_created, date_updated) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    s.sid(), s.accountSid(), s.friendlyName(), mode, url, s.dateCreated(), s.dateUpdated());
            }
        }

        @Override
        public void deleteService(String sid) {
            q.update("DELETE FROM conversation_services WHERE sid = ?", sid);
        }

        @Override
        public void defaultService(String accountSid, String serviceSid) {
            if (q.update("UPDATE default_conversation_services SET service_sid = ? WHERE account_sid = ?", serviceSid,
                accountSid) == 0) {
                q.update("INSERT INTO default_conversation_services (account_sid, service_sid) VALUES (?, ?)",
                    accountSid, serviceSid);
            }
        }

        @Override
        public void put(Conversation c) {
            ConversationTimers t = c.timers();
            ConversationBindings b = c.bindings();
            if (q.update("UPDATE conversations SET messaging_service_sid = ?, friendly_name = ?, unique_name = ?,"
                    + " attributes = ?, state = ?, timer_inactive_ms = ?, timer_closed_ms = ?, date_inactive = ?,"
                    + " date_closed = ?, bindings_email_address = ?, bindings_email_name = ?, date_updated = ?"
                    + " WHERE sid = ?", c.messagingServiceSid(), c.friendlyName(), c.uniqueName(), c.attributes(),
                c.state().value(), t.inactive(), t.closed(), t.dateInactive(), t.dateClosed(), b.emailAddress(),
                b.emailName(), c.dateUpdated(), c.sid()) == 0) {
                q.update("INSERT INTO conversations (sid, account_sid, chat_service_sid, messaging_service_sid,"
                        + " friendly_name, unique_name, attributes, state, timer_inactive_ms, timer_closed_ms,"
                        + " date_inactive, date_closed, bindings_email_address, bindings_email_name, date_created,"
                        + " date_updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    c.sid(), c.accountSid(), c.chatServiceSid(), c.messagingServiceSid(), c.friendlyName(),
                    c.uniqueName(), c.attributes(), c.state().value(), t.inactive(), t.closed(), t.dateInactive(),
                    t.dateClosed(), b.emailAddress(), b.emailName(), c.dateCreated(), c.dateUpdated());
            }
        }

        @Override
        public void deleteConversation(String sid) {
            q.update("DELETE FROM conversations WHERE sid = ?", sid);
        }

        @Override
        public void put(Participant p) {
            Optional<MessagingBinding> b = p.messagingBinding();
            Object[] binding = {b.map(MessagingBinding::type), b.flatMap(MessagingBinding::address),
                b.flatMap(MessagingBinding::proxyAddress), b.flatMap(MessagingBinding::projectedAddress)};
            if (q.update("UPDATE participants SET identity = ?, attributes = ?, binding_type = ?, binding_address = ?,"
                    + " binding_proxy_address = ?, binding_projected_address = ?, role_sid = ?,"
                    + " last_read_message_index = ?, last_read_timestamp = ?, date_updated = ? WHERE sid = ?",
                p.identity(), p.attributes(), binding[0], binding[1], binding[2], binding[3], p.roleSid(),
                p.lastReadMessageIndex(), p.lastReadTimestamp(), p.dateUpdated(), p.sid()) == 0) {
                q.update("INSERT INTO participants (sid, account_sid, chat_service_sid, conversation_sid, identity,"
                        + " attributes, binding_type, binding_address, binding_proxy_address, binding_projected_address,"
                        + " role_sid, last_read_message_index, last_read_timestamp, date_created, date_updated)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    p.sid(), p.accountSid(), p.chatServiceSid(), p.conversationSid(), p.identity(), p.attributes(),
                    binding[0], binding[1], binding[2], binding[3], p.roleSid(), p.lastReadMessageIndex(),
                    p.lastReadTimestamp(), p.dateCreated(), p.dateUpdated());
            }
        }

        @Override
        public void deleteParticipant(String sid) {
            q.update("DELETE FROM participants WHERE sid = ?", sid);
        }

        @Override
        public void put(Worker w) {
            if (q.update("UPDATE frontline_users SET identity = ?, friendly_name = ?, avatar = ?, state = ?,"
                    + " is_available = ?, phone_number = ?, last_pooled_at = ?, date_updated = ? WHERE sid = ?",
                w.identity(), w.friendlyName(), w.avatar(), w.state().value(), w.isAvailable(), w.phoneNumber(),
                w.lastPooledAt(), w.dateUpdated(), w.sid()) == 0) {
                q.update("INSERT INTO frontline_users (sid, account_sid, identity, friendly_name, avatar, state,"
                        + " is_available, phone_number, last_pooled_at, date_created, date_updated)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    w.sid(), w.accountSid(), w.identity(), w.friendlyName(), w.avatar(), w.state().value(),
                    w.isAvailable(), w.phoneNumber(), w.lastPooledAt(), w.dateCreated(), w.dateUpdated());
            }
        }

        @Override
        public void deleteWorker(String sid) {
            q.update("DELETE FROM frontline_users WHERE sid = ?", sid);
        }
    }

    // ---- rows

    private static ConversationService service(Row r) throws SQLException {
        Routing routing = switch (r.string("routing")) {
            case "pool" -> new Routing.Pool();
            case "custom" -> new Routing.Custom(r.string("routing_callback_url"));
            default -> new Routing.None();
        };
        return new ConversationService(r.string("sid"), r.string("account_sid"), r.string("friendly_name"),
            r.instant("date_created"), r.instant("date_updated"), routing);
    }

    private static Conversation conversation(Row r) throws SQLException {
        ConversationTimers timers = new ConversationTimers(r.optMillis("timer_inactive_ms"),
            r.optMillis("timer_closed_ms"), r.optInstant("date_inactive"), r.optInstant("date_closed"));
        return new Conversation(r.string("sid"), r.string("account_sid"), r.string("chat_service_sid"),
            r.optString("messaging_service_sid"), r.optString("friendly_name"), r.optString("unique_name"),
            r.string("attributes"), ConversationState.of(r.string("state")).orElseThrow(), r.instant("date_created"),
            r.instant("date_updated"), timers,
            new ConversationBindings(r.optString("bindings_email_address"), r.optString("bindings_email_name")));
    }

    private static Participant participant(Row r) throws SQLException {
        Optional<String> type = r.optString("binding_type");
        Optional<MessagingBinding> binding = type.isEmpty() ? Optional.empty()
            : Optional.of(new MessagingBinding(type.get(), r.optString("binding_address"),
                r.optString("binding_proxy_address"), r.optString("binding_projected_address")));
        return new Participant(r.string("sid"), r.string("account_sid"), r.string("chat_service_sid"),
            r.string("conversation_sid"), r.optString("identity"), r.string("attributes"), binding,
            r.optString("role_sid"), r.instant("date_created"), r.instant("date_updated"),
            r.optInteger("last_read_message_index"), r.optString("last_read_timestamp"));
    }

    private static Worker worker(Row r) throws SQLException {
        return new Worker(r.string("sid"), r.string("account_sid"), r.string("identity"), r.optString("friendly_name"),
            r.optString("avatar"), WorkerState.of(r.string("state")).orElseThrow(), r.bool("is_available"),
            r.optString("phone_number"), r.instant("date_created"), r.instant("date_updated"),
            r.optInstant("last_pooled_at"));
    }
}
