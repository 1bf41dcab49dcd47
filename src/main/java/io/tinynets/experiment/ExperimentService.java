package io.tinynets.experiment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Saved experiments: save a lab's run, list, reopen, rename, annotate, tag, delete (with undo), compare, export and
 * import. Every method takes the acting user and refuses, with {@link ExperimentAccessException}, any experiment that
 * user does not own (one message whether it is missing or someone else's). Every change also asks the database
 * whether the user's account still exists ({@link AccountDirectory}): a session of an account deleted on another
 * instance changes nothing. Saves and imports are held to the per-user quota ({@link ExperimentQuota}). Bad input is
 * refused with {@link ExperimentValidationException} (field and allowed range); an import never throws and never
 * saves part of a file. Each change runs in one transaction.
 */
@Service
public class ExperimentService {

    /** How long a deleted experiment can be brought back; after that it is purged. */
    public static final Duration UNDO_WINDOW = Duration.ofSeconds(30);
    /** The acting user's account was deleted (perhaps on another instance): nothing is changed for it. */
    static final String ACCOUNT_GONE = "experiments.error.accountGone";
    private static final Logger log = LoggerFactory.getLogger(ExperimentService.class);

    private final ExperimentRepository repository;
    private final TransactionTemplate transactions;
    private final AccountDirectory accounts;
    private final ExperimentQuota quota;
    private final LabConfigs labConfigs;
    private Clock clock = Clock.systemUTC();

    ExperimentService(ExperimentRepository repository, TransactionTemplate transactions, AccountDirectory accounts,
                      ExperimentQuota quota, LabConfigs labConfigs) {
        this.repository = repository;
        this.transactions = transactions;
        this.accounts = accounts;
        this.quota = quota;
        this.labConfigs = labConfigs;
    }

    /** For tests of the undo window. */
    void setClock(Clock clock) {
        this.clock = clock;
    }

    /**
     * Saves a lab's run as a new experiment of {@code user}; returns its id. Long curves are downsampled. Refused when
     * it would take the user over their quota. The draft's {@link Provenance} is the lab's word on where its figures
     * come from (a lab builds its draft on the server from a run it trained), so saving checks sizes and types but
     * leaves the lab's own configuration to the lab.
     */
    public long save(String user, ExperimentDraft draft) {
        String owner = user(user);
        ExperimentDraft valid = DraftValidator.validate(draft);
        Instant now = now();
        Long id = transactions.execute(tx -> {
            requireAccount(owner);
            // what was deleted longer ago than the undo window stops counting against anyone's quota
            repository.purgeDeletedBefore(now.minus(UNDO_WINDOW));
            long newId = repository.insert(owner, valid, now);
            quota.enforce(owner, List.of(newId));
            return newId;
        });
        log.debug("saved experiment {} of {} ({})", id, owner, valid.lab());
        return id;
    }

    /** The complete experiment: config, seed, curves, weights and picture. */
    public Experiment get(String user, long id) {
        String owner = user(user);
        return transactions.execute(tx -> load(owned(owner, id)));
    }

    /** The user's experiments matching the filter, newest first (at most {@link ExperimentLimits#LIST_MAX}). */
    public List<ExperimentSummary> list(String user, ExperimentFilter filter) {
        String owner = user(user);
        ExperimentFilter f = filter == null ? ExperimentFilter.ALL : filter;
        return transactions.execute(tx -> {
            List<ExperimentRepository.Row> rows = repository.list(owner, f, ExperimentLimits.LIST_MAX);
            Map<Long, List<String>> tags = repository.tags(rows.stream().map(ExperimentRepository.Row::id).toList());
            return rows.stream().map(r -> summary(r, tags.getOrDefault(r.id(), List.of()))).toList();
        });
    }

    /** The labs the user has experiments of, for the filter. */
    public List<String> labs(String user) {
        return repository.labs(user(user));
    }

    /** Every tag the user has used, for the filter. */
    public List<String> tags(String user) {
        return repository.allTags(user(user));
    }

    public ExperimentSummary rename(String user, long id, String newName) {
        String owner = user(user);
        String name = DraftValidator.name(newName);
        return transactions.execute(tx -> {
            owned(owner, id);
            requireAccount(owner);
            repository.rename(id, name, now());
            return summaryOf(id);
        });
    }

    public ExperimentSummary updateNotes(String user, long id, String notes) {
        String owner = user(user);
        String text = DraftValidator.notes(notes);
        return transactions.execute(tx -> {
            owned(owner, id);
            requireAccount(owner);
            repository.updateNotes(id, text, now());
            return summaryOf(id);
        });
    }

    public ExperimentSummary updateTags(String user, long id, List<String> tags) {
        String owner = user(user);
        List<String> clean = DraftValidator.tags(tags);
        return transactions.execute(tx -> {
            owned(owner, id);
            requireAccount(owner);
            repository.replaceTags(id, clean, now());
            return summaryOf(id);
        });
    }

    /** Name, notes and tags in one change (the edit dialog), all or nothing. */
    public ExperimentSummary describe(String user, long id, String newName, String notes, List<String> tags) {
        String owner = user(user);
        String name = DraftValidator.name(newName);
        String text = DraftValidator.notes(notes);
        List<String> clean = DraftValidator.tags(tags);
        return transactions.execute(tx -> {
            owned(owner, id);
            requireAccount(owner);
            Instant now = now();
            repository.rename(id, name, now);
            repository.updateNotes(id, text, now);
            repository.replaceTags(id, clean, now);
            return summaryOf(id);
        });
    }

    /**
     * Hides the experiment at once; {@link #undoDelete} brings it back within {@link #UNDO_WINDOW}, after which it
     * is purged for good (by the next delete).
     */
    public void delete(String user, long id) {
        String owner = user(user);
        transactions.executeWithoutResult(tx -> {
            owned(owner, id);
            requireAccount(owner);
            Instant now = now();
            repository.markDeleted(id, now);
            repository.purgeDeletedBefore(now.minus(UNDO_WINDOW));
        });
    }

    public void undoDelete(String user, long id) {
        String owner = user(user);
        transactions.executeWithoutResult(tx -> {
            ExperimentRepository.Row row = repository.find(id)
                    .orElseThrow(() -> new ExperimentAccessException(ExperimentAccessException.Reason.NOT_FOUND, id));
            if (!row.owner().equals(owner)) {
                throw new ExperimentAccessException(ExperimentAccessException.Reason.NOT_OWNER, id);
            }
            if (row.deletedAt() == null) {
                return;
            }
            if (row.deletedAt().plus(UNDO_WINDOW).isBefore(now())) {
                throw new ExperimentAccessException(ExperimentAccessException.Reason.NOT_FOUND, id);
            }
            requireAccount(owner);
            repository.restore(id);
        });
    }

    /** 2 to 8 of the user's experiments side by side, with only the configuration fields that differ. */
    public Comparison compare(String user, List<Long> ids) {
        String owner = user(user);
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids == null ? List.of() : ids));
        if (distinct.size() < ExperimentLimits.COMPARE_MIN || distinct.size() > ExperimentLimits.COMPARE_MAX) {
            throw new ExperimentValidationException("experiments.invalid.compareCount", distinct.size(),
                    ExperimentLimits.COMPARE_MIN, ExperimentLimits.COMPARE_MAX);
        }
        return Comparison.of(loadAll(owner, distinct));
    }

    /** One or many experiments as a JSON export file (config, weights, curves…), readable by {@link #importFile}. */
    public byte[] exportJson(String user, List<Long> ids) {
        return ExperimentJson.export(loadAll(user(user), nonEmpty(ids)), now());
    }

    /** The curves of one or many experiments as CSV. */
    public String exportCsv(String user, List<Long> ids) {
        return ExperimentCsv.curves(loadAll(user(user), nonEmpty(ids)));
    }

    /**
     * Imports an export file as new experiments of {@code user}: all of them or, with a specific problem (too large,
     * not JSON, unknown schema version, a wrong type or an out-of-range value, a lab configuration its lab refuses,
     * over the user's quota), none. Never throws for any file. Imported experiments are {@link Provenance#IMPORTED}:
     * their figures are the file's, so they never decide an assignment's goal.
     */
    public ImportResult importFile(String user, byte[] file) {
        String owner = user(user);
        if (file == null) {
            return ImportResult.refused(new ImportProblem(null, "experiments.import.malformed", 1, 1));
        }
        List<ImportedDraft> valid = new ArrayList<>();
        try {
            // the weights stay bytes of the file, checked by the reader (JSON, size), until each experiment is saved
            List<ImportedDraft> drafts = ExperimentJson.read(file);
            for (int i = 0; i < drafts.size(); i++) {
                try {
                    ImportedDraft read = drafts.get(i);
                    ExperimentDraft d = DraftValidator.validate(read.draft().withProvenance(Provenance.IMPORTED));
                    // the lab's own rules, before anything is stored: what it could not open never gets in
                    labConfigs.check(d.lab(), d.configJson(), d.configVersion(), d.seed());
                    valid.add(read.with(d));
                } catch (ExperimentValidationException e) {
                    throw new ImportProblem(i + 1, e.messageKey(), e.messageArgs());
                }
            }
        } catch (ImportProblem problem) {
            return ImportResult.refused(problem);
        } catch (RuntimeException | StackOverflowError e) {
            log.warn("import refused: unexpected content ({})", e.toString());
            return ImportResult.refused(new ImportProblem(null, "experiments.import.unreadable"));
        }
        Instant now = now();
        try {
            List<Long> ids = transactions.execute(tx -> {
                requireAccount(owner);
                repository.purgeDeletedBefore(now.minus(UNDO_WINDOW));
                // one experiment's weights as text at a time
                List<Long> inserted = valid.stream().map(d -> repository.insert(owner, d.complete(), now)).toList();
                quota.enforce(owner, inserted);
                return inserted;
            });
            return ImportResult.saved(ids);
        } catch (ExperimentValidationException refused) {
            // over the quota, or the account is gone: the transaction rolled back, nothing was saved
            return ImportResult.refused(new ImportProblem(null, refused.messageKey(), refused.messageArgs()));
        } catch (RuntimeException e) {
            log.warn("import of {} experiments failed and was rolled back", valid.size(), e);
            return ImportResult.refused(new ImportProblem(null, "experiments.import.failed"));
        }
    }

    /**
     * Refuses, with an {@link ExperimentValidationException} naming the problem, a lab configuration that its lab could
     * not open or the server could not train: an unknown lab, or a configuration its {@link LabConfigRules} refuse. The
     * one check a reopened experiment, an assignment and an import all go through.
     */
    public void checkConfig(String lab, String configJson, int configVersion, long seed) {
        labConfigs.check(lab, configJson, configVersion, seed);
    }

    private List<Experiment> loadAll(String owner, List<Long> ids) {
        return transactions.execute(tx -> ids.stream().map(id -> load(owned(owner, id))).toList());
    }

    private ExperimentRepository.Row owned(String owner, long id) {
        ExperimentRepository.Row row = repository.find(id)
                .filter(r -> r.deletedAt() == null)
                .orElseThrow(() -> new ExperimentAccessException(ExperimentAccessException.Reason.NOT_FOUND, id));
        if (!row.owner().equals(owner)) {
            throw new ExperimentAccessException(ExperimentAccessException.Reason.NOT_OWNER, id);
        }
        return row;
    }

    private Experiment load(ExperimentRepository.Row r) {
        return new Experiment(r.id(), r.owner(), r.lab(), r.name(), r.notes(), repository.tags(r.id()),
                r.configJson(), r.configVersion(), r.seed(), repository.curves(r.id()),
                ExperimentJson.metrics(r.metricsJson()), r.weightsJson(), ExperimentJson.picture(r.pictureJson()),
                r.createdAt(), r.updatedAt(), r.provenance());
    }

    private ExperimentSummary summaryOf(long id) {
        ExperimentRepository.Row r = repository.find(id).orElseThrow();
        return summary(r, repository.tags(id));
    }

    private static ExperimentSummary summary(ExperimentRepository.Row r, List<String> tags) {
        return new ExperimentSummary(r.id(), r.lab(), r.name(), r.notes(), tags,
                ExperimentJson.metrics(r.metricsJson()), r.createdAt(), r.updatedAt());
    }

    private static List<Long> nonEmpty(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new ExperimentValidationException("experiments.invalid.noneSelected");
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    /**
     * Right before a change is written: the acting user's account must still exist, in the database now (it may have
     * been deleted on another instance while this session stayed open). Checked last, after the input, so a refusal
     * for bad input says what is wrong with it.
     */
    private void requireAccount(String owner) {
        if (!accounts.exists(owner)) {
            throw new ExperimentValidationException(ACCOUNT_GONE);
        }
    }

    private static String user(String user) {
        if (user == null || user.isBlank() || user.length() > 100) {
            throw new ExperimentValidationException("experiments.invalid.user");
        }
        return user;
    }

    private Instant now() {
        // microseconds: what both H2 and PostgreSQL keep, so a saved time reads back equal
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
