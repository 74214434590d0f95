package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.store.Page;
import dev.parley.engine.store.PageRequest;
import dev.parley.engine.store.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store port's paging and time-range values, as Twilio's list parameters use them. */
class PageAndRangeTest {

    private static final Instant A = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant B = Instant.parse("2025-03-01T11:00:00Z");
    private static final Instant C = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void pageSizeIsOneToAThousandFiftyByDefault() {
        assertThat(PageRequest.first().pageSize()).isEqualTo(50);
        assertThat(PageRequest.first(1000).pageSize()).isEqualTo(1000);
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageRequest.first(1001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(10, -1, Optional.empty()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PageRequest(20, 3, Optional.empty()).offset()).isEqualTo(60);
    }

    @Test
    void aTwilioPageTokenNamesTheRowToContinueAfter() {
        assertThat(new PageRequest(5, 1, Optional.of("PACA0123")).afterSid()).contains("CA0123");
        assertThat(new PageRequest(5, 1, Optional.of("PA")).afterSid()).isEmpty();
        assertThat(new PageRequest(5, 1, Optional.of("XYCA0123")).afterSid()).isEmpty();

        Page<String> page = new Page<>(List.of("a", "b"), 2, 2, Optional.of("PAb"));
        assertThat(page.next()).contains(new PageRequest(2, 3, Optional.of("PAb")));
        assertThat(new Page<>(List.of("a"), 0, 2, Optional.empty()).next()).isEmpty();
    }

    @Test
    void rangesCoverAUtcDayAndIntersect() {
        TimeRange day = TimeRange.onDay(LocalDate.of(2025, 3, 1));
        assertThat(day).isEqualTo(TimeRange.between(Instant.parse("2025-03-01T00:00:00Z"),
            Instant.parse("2025-03-02T00:00:00Z")));
        assertThat(TimeRange.atOrAfter(A).and(TimeRange.before(C))).isEqualTo(TimeRange.between(A, C));
        assertThat(TimeRange.between(A, C).and(TimeRange.between(B, C.plusSeconds(1))))
            .isEqualTo(TimeRange.between(B, C));
        assertThat(TimeRange.between(B, C).and(TimeRange.between(A, B.plusSeconds(1))))
            .isEqualTo(TimeRange.between(B, B.plusSeconds(1)));
        assertThat(TimeRange.ALL.and(TimeRange.ALL)).isEqualTo(TimeRange.ALL);
    }

    @Test
    void aNumberFilterBecomesALikePatternWithStarForOneCharacter() {
        assertThat(JdbcNumbers.likePattern("415")).isEqualTo("%415%");
        assertThat(JdbcNumbers.likePattern("+1415***0100")).isEqualTo("%+1415___0100%");
        assertThat(JdbcNumbers.likePattern("5%_\\")).isEqualTo("%5\\%\\_\\\\%");
    }
}
