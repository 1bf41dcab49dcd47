package io.tinynets.experiment;

import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The experiment feature's answers to the features above it that deal in whole accounts and classes (the class
 * gallery, removing an account): who owns an experiment, what a set of experiments is called, how many an owner
 * has, and removing all of an owner's. They go through here instead of writing or joining the experiment tables
 * themselves, so those tables have one writer. No acting user is checked: the caller (a gallery membership rule, an
 * admin's removal) has decided who may ask; views use {@link ExperimentService}.
 */
@Service
public class ExperimentOwners {

    /** What a list of someone else's experiments shows of each: no curves, weights or notes. */
    public record Listing(long id, String owner, String lab, String name) {
    }

    private final ExperimentRepository repository;

    ExperimentOwners(ExperimentRepository repository) {
        this.repository = repository;
    }

    /** The owner of a live (not deleted) experiment; empty when there is none with this id. */
    public Optional<String> ownerOf(long experimentId) {
        return repository.liveOwner(experimentId);
    }

    /** The live ones among these experiments, in no particular order (deleted or unknown ids are left out). */
    public List<Listing> listings(Collection<Long> ids) {
        return repository.listings(ids);
    }

    /** How many live experiments the owner has (what removing the account would take with it). */
    public int count(String owner) {
        return repository.countLive(owner);
    }

    /**
     * Removes every experiment of the owner, deleted ones included, with their tags and curves. Runs in the caller's
     * transaction; rows of other features that refer to these experiments must be gone first (their foreign keys
     * say so).
     */
    public void removeAllOf(String owner) {
        repository.deleteAllOf(owner);
    }
}
