package dev.parley.engine.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real time with deadlines "forever" away: the engine waits for media with {@code Instant.MAX}. */
class SystemClockTest {

    private final SystemClock clock = new SystemClock();

    @Test
    void aWaitUntilInstantMaxGetsTheEventPostedMeanwhile() throws Exception {
        Mailbox<String> mailbox = clock.mailbox();
        CompletableFuture<Optional<String>> polled = CompletableFuture.supplyAsync(() -> mailbox.poll(Instant.MAX));

        mailbox.post("media done");

        assertThat(polled.get(20, TimeUnit.SECONDS)).contains("media done");
    }

    @Test
    void aDeadlineThatHasPassedReturnsWhatIsThereWithoutWaiting() {
        Mailbox<String> mailbox = clock.mailbox();
        assertThat(mailbox.poll(Instant.EPOCH)).isEmpty();

        mailbox.post("digit");
        assertThat(mailbox.poll(Instant.EPOCH)).contains("digit");
    }

    @Test
    void aTimerAtInstantMaxCanBeScheduledAndCancelled() {
        Clock.Timer timer = clock.schedule(Instant.MAX, () -> { });

        assertThat(timer.cancel()).isTrue();
        assertThat(clock.schedule(Duration.ofDays(365 * 1000), () -> { }).cancel()).isTrue();
    }
}
