package io.tinynets.experiment;

import io.tinynets.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.tinynets.experiment.ExperimentFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-user quota, configured small here: three experiments, 10 KB. */
@SpringBootTest(properties = {"tinynets.experiments.max-per-user=3", "tinynets.experiments.max-bytes-per-user=10KB"})
class ExperimentQuotaTest {

    @Autowired
    ExperimentService service;
    @Autowired
    ExperimentQuota quota;
    @Autowired
    JdbcTemplate jdbc;

    private final String me = "quota" + System.nanoTime();
    private Instant now = Instant.parse("2026-05-04T10:00:00Z");

    @BeforeEach
    void account() {
        TestAccounts.ensure(jdbc, me);
        service.setClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    @AfterEach
    void realClock() {
        service.setClock(Clock.systemUTC());
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM experiment WHERE owner = ?", Long.class, me);
    }

    /** A draft whose notes are {@code koreanCharacters} Hangul syllables (3 bytes each in UTF-8). */
    private static ExperimentDraft withNotes(String name, int koreanCharacters) {
        return draft("playground", name).describedAs(name, "가".repeat(koreanCharacters), List.of());
    }

    @Test
    void theQuotaComesFromTheSettings() {
        assertThat(quota.maxCount()).isEqualTo(3);
        assertThat(quota.maxBytes()).isEqualTo(10 * 1024);
    }

    @Test
    void oneExperimentTooManyIsRefusedWithTheQuotaAndNothingIsSaved() {
        for (int i = 0; i < 3; i++) {
            service.save(me, draft("playground", "run " + i));
        }
        assertThatThrownBy(() -> service.save(me, draft("playground", "one too many")))
                .isInstanceOfSatisfying(ExperimentValidationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("experiments.quota.count");
                    assertThat(e.messageArgs()).containsExactly(3, 4L);
                    assertThat(e.getMessage()).isEqualTo("One account may keep at most 3 experiments, and this "
                            + "would make 4. Delete experiments you no longer need (a deleted experiment frees its "
                            + "place 30 seconds later).");
                });
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void aDeletedExperimentFreesItsPlaceOnceItsUndoWindowHasPassed() {
        long first = service.save(me, draft("playground", "a"));
        service.save(me, draft("playground", "b"));
        service.save(me, draft("playground", "c"));
        service.delete(me, first);
        // still in its undo window: it could come back, so it still counts
        assertThatThrownBy(() -> service.save(me, draft("playground", "d")))
                .isInstanceOfSatisfying(ExperimentValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("experiments.quota.count"));
        now = now.plus(ExperimentService.UNDO_WINDOW).plusSeconds(1);
        service.setClock(Clock.fixed(now, ZoneOffset.UTC));
        service.save(me, draft("playground", "d"));
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void bytesAreCountedInUtf8AndTooManyAreRefused() {
        long small = service.save(me, withNotes("small", 0));
        long korean = service.save(me, withNotes("korean", 1000));
        long smallBytes = jdbc.queryForObject("SELECT stored_bytes FROM experiment WHERE id = ?", Long.class, small);
        long koreanBytes = jdbc.queryForObject("SELECT stored_bytes FROM experiment WHERE id = ?", Long.class,
                korean);
        // the same draft but for a name one letter longer and 1,000 Hangul notes instead of none
        assertThat(koreanBytes - smallBytes).isEqualTo(1 + 3000);
        assertThat(smallBytes).isGreaterThan(draft("playground", "x").configJson().length()
                + draft("playground", "x").weightsJson().length());
        // 4,000 Hangul notes (12,000 bytes, within NOTES_MAX characters) would pass the 10 KB
        assertThatThrownBy(() -> service.save(me, withNotes("big", 4000)))
                .isInstanceOfSatisfying(ExperimentValidationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("experiments.quota.bytes");
                    assertThat(e.messageArgs()[0]).isEqualTo("10.0 KB");
                    assertThat((String) e.messageArgs()[1]).endsWith(" KB");
                });
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void anImportOverTheQuotaIsRefusedWhole() {
        long a = service.save(me, draft("playground", "a"));
        long b = service.save(me, draft("descent", "b"));
        byte[] export = service.exportJson(me, List.of(a, b));
        ImportResult result = service.importFile(me, export);
        assertThat(result.ok()).isFalse();
        assertThat(result.problem().messageKey()).isEqualTo("experiments.quota.count");
        assertThat(result.problem().messageArgs()).containsExactly(3, 4L);
        assertThat(count()).isEqualTo(2);
    }
}
