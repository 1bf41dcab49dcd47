package io.tinynets.classroom;

import io.tinynets.experiment.AccountDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Accounts: the first-start admin set-up, teachers created by the admin, password changes. Every operation that acts
 * for someone takes that user's username (from the authenticated session, never from the request) and loads the
 * account from the database, so a role cannot be claimed and an account deleted meanwhile (on any instance) is
 * refused. Refusals are {@link ClassroomException}s.
 */
@Service
public class AccountService implements AccountDirectory {

    /**
     * Published after an account's password changed: by its owner ({@code byOwner}, from one of their sessions, which
     * stays logged in) or by a reset (every session of it ends). The database's credentials version is what sessions
     * on other instances are checked against.
     */
    public record CredentialsChanged(String username, long credentialsVersion, boolean byOwner) {
    }

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    AccountService(AccountRepository accounts, PasswordEncoder encoder, TransactionTemplate transactions,
                   ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.transactions = transactions;
        this.events = events;
    }

    /** How many admin accounts there are (the last one cannot be deleted). */
    long adminCount() {
        return accounts.countWithRole(Role.ADMIN);
    }

    /** True once the server has an admin: the first-start set-up is then closed for good. */
    public boolean adminExists() {
        return accounts.countWithRole(Role.ADMIN) > 0;
    }

    /**
     * The first-start set-up: creates the admin account while the server has never been set up; refused afterwards.
     * One winner even when browsers on several instances submit at once: the set-up's marker row admits one insert
     * (a database key, not a lock in one JVM), and the loser's transaction rolls back whole.
     */
    public Account createFirstAdmin(String username, String displayName, String password) {
        String u = AccountRules.username(username, Role.ADMIN);
        String n = AccountRules.displayName(displayName);
        String hash = encoder.encode(AccountRules.password(password));
        return transactions.execute(tx -> {
            if (adminExists() || !accounts.markFirstStart(now())) {
                throw ClassroomException.denied();
            }
            if (accounts.exists(u)) {
                throw new ClassroomException("classroom.invalid.usernameTaken", u);
            }
            long id = accounts.insert(u, n, hash, Role.ADMIN, false, now());
            log.info("first start: admin account '{}' created", u);
            return accounts.find(id).orElseThrow();
        });
    }

    /** The admin creates a teacher (or another admin). Students join with a class code or a teacher's import. */
    public Account createStaff(String actor, String username, String displayName, String password, Role role) {
        requireRole(actor, Role.ADMIN);
        if (role == Role.STUDENT || role == null) {
            throw new ClassroomException("classroom.invalid.role");
        }
        return create(username, displayName, password, role, false);
    }

    /** Creates any account; the callers check who may. */
    Account create(String username, String displayName, String password, Role role, boolean mustChange) {
        String u = AccountRules.username(username, role);
        String n = AccountRules.displayName(displayName);
        String hash = encoder.encode(AccountRules.password(password));
        return transactions.execute(tx -> {
            if (accounts.exists(u)) {
                throw new ClassroomException("classroom.invalid.usernameTaken", u);
            }
            return accounts.find(accounts.insert(u, n, hash, role, mustChange, now())).orElseThrow();
        });
    }

    /**
     * The user changes their own password; the current one is checked (a hijacked session cannot change it). Every
     * other session of the account ends: at once on this instance, at its next request on the others.
     */
    public void changePassword(String actor, String currentPassword, String newPassword) {
        Account me = require(actor);
        String next = AccountRules.password(newPassword);
        String hash = accounts.passwordHash(me.username()).orElseThrow(ClassroomException::denied);
        if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
            throw new ClassroomException("classroom.password.wrongCurrent");
        }
        if (encoder.matches(next, hash)) {
            throw new ClassroomException("classroom.password.sameAsOld");
        }
        long version = accounts.updatePassword(me.id(), encoder.encode(next), false);
        events.publishEvent(new CredentialsChanged(me.username(), version, true));
    }

    public Optional<Account> find(String username) {
        return username == null ? Optional.empty() : accounts.find(username);
    }

    /**
     * True while a session that logged in with this credentials version may go on: the account still exists and its
     * password has not changed since. Asked of the database on every request (see the security filter).
     */
    public boolean loginStillValid(String username, long credentialsVersion) {
        return username != null && accounts.credentialsVersion(username).map(v -> v == credentialsVersion)
                .orElse(false);
    }

    @Override
    public boolean exists(String username) {
        return username != null && accounts.exists(username);
    }

    @Override
    public boolean isAdmin(String username) {
        return find(username).map(a -> a.role() == Role.ADMIN).orElse(false);
    }

    /** Every account, for the admin page. */
    public List<Account> list(String actor) {
        requireRole(actor, Role.ADMIN);
        return accounts.all();
    }

    /** The acting account; refused when the username is unknown. */
    Account require(String actor) {
        return find(actor).orElseThrow(ClassroomException::denied);
    }

    Account requireRole(String actor, Role... allowed) {
        Account a = require(actor);
        for (Role r : allowed) {
            if (a.role() == r) {
                return a;
            }
        }
        throw ClassroomException.denied();
    }

    Optional<Account> find(long id) {
        return accounts.find(id);
    }

    /** Teachers and admins, by name: who can take a class over. */
    List<Account> staff() {
        return accounts.all().stream().filter(a -> a.role() != Role.STUDENT)
                .sorted(java.util.Comparator.comparing(Account::displayName)).toList();
    }

    /** A generated one-time password replaces the account's: every open session of it ends. */
    void setOneTimePassword(long id, String password) {
        Account a = find(id).orElseThrow(ClassroomException::denied);
        long version = accounts.updatePassword(id, encoder.encode(password), true);
        events.publishEvent(new CredentialsChanged(a.username(), version, false));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
