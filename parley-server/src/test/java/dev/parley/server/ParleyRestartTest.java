package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.Sids;
import dev.parley.engine.account.AccountException;
import dev.parley.engine.conversation.Conversation;
import dev.parley.engine.conversation.ConversationParams;
import dev.parley.engine.conversation.ConversationService;
import dev.parley.engine.conversation.ParticipantParams;
import dev.parley.engine.conversation.Routing;
import dev.parley.engine.conversation.WorkerParams;
import dev.parley.sim.VirtualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Parley opened again on the data directory an earlier one left: its account, numbers and conversations. */
class ParleyRestartTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path data;

    private Parley open(ParleyConfig config, Instant now, long seed) {
        return Parley.create(config.withDataDirectory(data).withPort(0), new VirtualClock(now), new Sids(new Random(seed)));
    }

    @Test
    void theAccountCreatedOnTheFirstStartAndWhatItOwnsAreKept() {
        ParleyConfig config = ParleyConfig.defaults()
            .withNumbers(List.of(new ParleyConfig.NumberRoute("+15550001000", "http://127.0.0.1:9/voice")));
        String account;
        ConversationService service;
        Conversation talk;
        try (Parley first = open(config, START, 1)) {
            assertThat(first.accountOrigin()).isEqualTo(Parley.AccountOrigin.CREATED);
            account = first.account().sid();
            service = first.frontline().services().create(account, "Frontline");
            first.frontline().services().route(account, service.sid(), new Routing.Pool());
            first.frontline().workers().create(account, "alice", WorkerParams.NONE);
            talk = first.frontline().conversations().create(account, service.sid(), ConversationParams.NONE);
            first.frontline().participants().add(account, service.sid(), talk.sid(),
                ParticipantParams.customer("+15551230001", "+15550001000"));
        }

        try (Parley second = open(config, START.plusSeconds(3600), 2)) {
            assertThat(second.accountOrigin()).isEqualTo(Parley.AccountOrigin.KEPT);
            assertThat(second.account().sid()).isEqualTo(account);
            assertThat(second.directory().numbers(account)).singleElement()
                .satisfies(n -> assertThat(n.phoneNumber()).isEqualTo("+15550001000"));
            assertThat(second.frontline().service(account, service.sid()).orElseThrow().routing())
                .isEqualTo(new Routing.Pool());
            assertThat(second.frontline().workers().list(account)).extracting(w -> w.identity()).containsExactly("alice");
            assertThat(second.frontline().conversations().fetch(account, service.sid(), talk.sid())).isEqualTo(talk);
            assertThat(second.frontline().participants().list(account, service.sid(), talk.sid())).hasSize(1);
        }
    }

    @Test
    void aConfiguredNumberThatAnotherAccountOwnsIsRefused() {
        ParleyConfig config = ParleyConfig.defaults()
            .withNumbers(List.of(new ParleyConfig.NumberRoute("+15550001000", "http://127.0.0.1:9/voice")));
        try (Parley first = open(config, START, 1)) {
            assertThat(first.directory().numberByAddress("+15550001000")).isPresent();
        }
        ParleyConfig other = config.withCredentials(new ParleyConfig.Credentials("AC0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef"));

        assertThatThrownBy(() -> open(other, START.plusSeconds(60), 2)).isInstanceOfSatisfying(AccountException.class,
            e -> assertThat(e.code()).isEqualTo(21422));
        try (Parley again = open(config, START.plusSeconds(120), 3)) {
            assertThat(again.directory().numberByAddress("+15550001000").map(n -> n.accountSid()))
                .isEqualTo(Optional.of(again.account().sid()));
        }
    }
}
