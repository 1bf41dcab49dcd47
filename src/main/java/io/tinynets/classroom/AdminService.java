package io.tinynets.classroom;

import io.tinynets.experiment.BackupService;
import io.tinynets.experiment.ExperimentOwners;
import io.tinynets.training.TrainingRefusedException;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;

/**
 * The admin's tools: server load, database backups, and the accounts' end of life (deleting an account, resetting a
 * password). Every method is for the admin only.
 *
 * <p>Rules for deleting an account: the admin cannot delete their own account (another admin must, so the server is
 * never left without one by a slip), nor the last admin; an account that still teaches classes is refused until its
 * classes are deleted or handed over ({@link ClassService#handOver}), so no class is left without a teacher and no
 * students' work disappears as a side effect. Otherwise the account goes with everything it owns: its experiments
 * (and their shares and the submissions made of them), its submissions and its memberships, in one transaction. Its
 * trainings are cancelled at once, and its open sessions stop working: every service refuses an unknown username, and
 * {@link AccountDeleted} lets the UI close them.
 */
@Service
public class AdminService {

    private static final Logger log = LoggerFactory.getLogger(AdminService.class);

    /** What the server is doing right now. */
    public record ServerLoad(int runningTrainings, int maxRunningGlobal, int maxRunningPerUser, int workerThreads) {
    }

    /** Published after an account is deleted, so whatever still holds a session of it can end that session. */
    public record AccountDeleted(String username) {
    }

    private final AccountService accounts;
    private final TrainingService training;
    private final BackupService backups;
    private final RemovalRepository removals;
    private final ExperimentOwners experiments;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    AdminService(AccountService accounts, TrainingService training, BackupService backups, RemovalRepository removals,
                 ExperimentOwners experiments, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.training = training;
        this.backups = backups;
        this.removals = removals;
        this.experiments = experiments;
        this.transactions = transactions;
        this.events = events;
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
        return backups.backupNow(actor);
    }

    /** What deleting the account would remove, for the confirmation dialog. */
    public AccountContents contents(String actor, long accountId) {
        accounts.requireRole(actor, Role.ADMIN);
        Account a = accounts.find(accountId).orElseThrow(ClassroomException::denied);
        return removals.accountContents(a, experiments.count(a.username()), training.runsOf(a.username()).size());
    }

    /**
     * Deletes an account and everything it owns (see the class comment for the rules). Synchronized so two admins
     * deleting each other at the same moment cannot both succeed: the second finds its own account gone.
     */
    public synchronized void deleteAccount(String actor, long accountId) {
        Account admin = accounts.requireRole(actor, Role.ADMIN);
        Account target = accounts.find(accountId).orElseThrow(ClassroomException::denied);
        if (target.id() == admin.id()) {
            throw new ClassroomException("classroom.account.deleteSelf");
        }
        transactions.executeWithoutResult(tx -> {
            if (target.role() == Role.ADMIN && accounts.adminCount() <= 1) {
                throw new ClassroomException("classroom.account.lastAdmin");
            }
            int taught = removals.classesTaught(target.id());
            if (taught > 0) {
                throw new ClassroomException("classroom.account.teachesClasses", target.username(), taught);
            }
            removals.deleteAccountsWork(target.username());
            experiments.removeAllOf(target.username());
            removals.deleteAccount(target.id());
        });
        stopTrainings(target.username());
        log.info("account '{}' ({}) deleted by '{}'", target.username(), target.role(), admin.username());
        events.publishEvent(new AccountDeleted(target.username()));
    }

    /**
     * A new one-time password for any other account (a teacher who forgot theirs, a student outside any class), shown
     * once; it must be changed at the next login. Refused for the admin's own account: that is the password page's.
     */
    public OneTimeLogin resetPassword(String actor, long accountId) {
        Account admin = accounts.requireRole(actor, Role.ADMIN);
        Account target = accounts.find(accountId).orElseThrow(ClassroomException::denied);
        if (target.id() == admin.id()) {
            throw new ClassroomException("classroom.account.resetSelf");
        }
        String password = Codes.oneTimePassword();
        accounts.setOneTimePassword(target.id(), password);
        return new OneTimeLogin(target.displayName(), target.username(), password);
    }

    /** Cancels the deleted user's runs now rather than leaving them to the idle timeout, freeing their slots. */
    private void stopTrainings(String username) {
        for (TrainingRun<?> run : training.runsOf(username)) {
            try {
                training.cancel(username, run.id());
            } catch (TrainingRefusedException e) {
                // ended and removed in the meantime: nothing left to stop
            }
        }
    }
}
