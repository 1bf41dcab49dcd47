package io.tinynets.classroom;

import io.tinynets.experiment.BackupService;
import io.tinynets.training.TrainingService;
import org.springframework.stereotype.Service;

import java.nio.file.Path;

/** The admin's tools: server load and database backups. Every method is for the admin only. */
@Service
public class AdminService {

    /** What the server is doing right now. */
    public record ServerLoad(int runningTrainings, int maxRunningGlobal, int maxRunningPerUser, int workerThreads) {
    }

    private final AccountService accounts;
    private final TrainingService training;
    private final BackupService backups;

    AdminService(AccountService accounts, TrainingService training, BackupService backups) {
        this.accounts = accounts;
        this.training = training;
        this.backups = backups;
    }

    public ServerLoad load(String actor) {
        accounts.requireRole(actor, Role.ADMIN);
        var limits = training.limits();
        return new ServerLoad(training.runningCount(), limits.maxRunningGlobal(), limits.maxRunningPerUser(),
                limits.effectiveWorkerThreads());
    }

    public boolean backupSupported(String actor) {
        accounts.requireRole(actor, Role.ADMIN);
        return backups.supported();
    }

    /** A fresh backup of the whole database (every user's data and password hashes): the admin's only. */
    public Path backup(String actor) {
        accounts.requireRole(actor, Role.ADMIN);
        return backups.backupNow();
    }
}
