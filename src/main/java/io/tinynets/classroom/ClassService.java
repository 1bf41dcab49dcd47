package io.tinynets.classroom;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Classes: teachers create them and hand out the join code; students sign up or join with it, or the teacher imports
 * a list of names and hands out one-time passwords. Every method takes the acting username (from the session) and
 * checks the role and the relation in the database: a teacher sees only their own classes, a student only the classes
 * they joined; anything else is refused with {@link ClassroomException#denied()}, the same for an unknown id.
 */
@Service
public class ClassService {

    /** Names one import may hold: a class, not a school. */
    public static final int IMPORT_MAX = 200;
    /** The longest student list text the import reads. */
    public static final int IMPORT_MAX_CHARS = StudentCsv.MAX_CHARS;
    static final int CLASS_NAME_MAX = 100;

    private final AccountService accounts;
    private final ClassRepository classes;
    private final RemovalRepository removals;
    private final TransactionTemplate transactions;

    ClassService(AccountService accounts, ClassRepository classes, RemovalRepository removals,
                 TransactionTemplate transactions) {
        this.accounts = accounts;
        this.classes = classes;
        this.removals = removals;
        this.transactions = transactions;
    }

    /** A teacher (or the admin, who then teaches it) creates a class with a fresh join code. */
    public SchoolClass create(String actor, String name) {
        Account teacher = accounts.requireRole(actor, Role.TEACHER, Role.ADMIN);
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > CLASS_NAME_MAX) {
            throw new ClassroomException("classroom.invalid.className", CLASS_NAME_MAX);
        }
        return transactions.execute(tx -> classes.find(classes.insert(n, teacher.id(), freshCode(), now()))
                .orElseThrow());
    }

    /** The classes the user may open: all (admin), their own (teacher) or the ones they joined (student). */
    public List<SchoolClass> classes(String actor) {
        Account a = accounts.require(actor);
        return switch (a.role()) {
            case ADMIN -> classes.all();
            case TEACHER -> classes.ofTeacher(a.id());
            case STUDENT -> classes.ofMember(a.id());
        };
    }

    /** One class, if the user may see it. */
    public SchoolClass get(String actor, long classId) {
        Account a = accounts.require(actor);
        SchoolClass c = classes.find(classId).orElseThrow(ClassroomException::denied);
        if (a.role() == Role.ADMIN || c.teacherId() == a.id() || classes.isMember(classId, a.id())) {
            return c;
        }
        throw ClassroomException.denied();
    }

    /** The students of a class: its teacher and the admin only. */
    public List<Account> members(String actor, long classId) {
        return classes.members(managed(actor, classId).id());
    }

    /** A new join code (the old one stops working), e.g. after it leaked outside the class. */
    public SchoolClass newJoinCode(String actor, long classId) {
        SchoolClass c = managed(actor, classId);
        return transactions.execute(tx -> {
            classes.updateCode(c.id(), freshCode());
            return classes.find(c.id()).orElseThrow();
        });
    }

    /**
     * A new student signs up with a class's join code (no login needed); the account and the membership are made
     * together or not at all. An unknown code is refused without saying more.
     */
    public Account signUp(String joinCode, String username, String displayName, String password) {
        String code = Codes.normalize(joinCode);
        return transactions.execute(tx -> {
            SchoolClass c = classes.findByCode(code)
                    .orElseThrow(() -> new ClassroomException("classroom.join.unknownCode"));
            Account student = accounts.create(username, displayName, password, Role.STUDENT, false);
            classes.addMember(c.id(), student.id(), now());
            return student;
        });
    }

    /**
     * The class a join code opens, for the sign-up page to name it (no login needed: whoever has the code may join
     * the class anyway). Empty for an unknown code, without saying more.
     */
    public java.util.Optional<JoinInvitation> invitation(String joinCode) {
        String code = Codes.normalize(joinCode);
        if (!code.matches("[A-Z0-9]{1,16}")) {
            return java.util.Optional.empty();
        }
        return classes.findByCode(code).map(c -> new JoinInvitation(c.name(), c.teacherName()));
    }

    /** A logged-in student joins one more class with its code. */
    public SchoolClass join(String actor, String joinCode) {
        Account student = accounts.requireRole(actor, Role.STUDENT);
        String code = Codes.normalize(joinCode);
        return transactions.execute(tx -> {
            SchoolClass c = classes.findByCode(code)
                    .orElseThrow(() -> new ClassroomException("classroom.join.unknownCode"));
            if (!classes.isMember(c.id(), student.id())) {
                classes.addMember(c.id(), student.id(), now());
            }
            return classes.find(c.id()).orElseThrow();
        });
    }

    /**
     * The teacher imports students from CSV text: one student per line, the name in the first column (a header line
     * "name" is skipped; quotes are allowed). Each gets a username made from the name and a one-time password that
     * must be changed at first login. All lines or none are imported.
     */
    public List<OneTimeLogin> importStudents(String actor, long classId, String csv) {
        SchoolClass c = managed(actor, classId);
        List<String> names = StudentCsv.names(csv, IMPORT_MAX);
        return transactions.execute(tx -> {
            List<OneTimeLogin> made = new ArrayList<>();
            Set<String> taken = new LinkedHashSet<>();
            for (String name : names) {
                String username = freeUsername(name, c.id(), taken);
                taken.add(username);
                String password = Codes.oneTimePassword();
                Account a = accounts.create(username, name, password, Role.STUDENT, true);
                classes.addMember(c.id(), a.id(), now());
                made.add(new OneTimeLogin(name, username, password));
            }
            return made;
        });
    }

    /** What removing the student from the class would take with the membership (its teacher and the admin). */
    public MembershipContents membershipContents(String actor, long classId, long studentId) {
        SchoolClass c = managed(actor, classId);
        return removals.membershipContents(c.id(), member(c, studentId).username());
    }

    /**
     * The class's teacher (or the admin) removes a student from the class. Only the membership goes: the student's
     * account, experiments and other classes stay. Their submissions to this class's assignments and their shares in
     * its gallery are removed with it, on purpose: a submission and a share exist only to show the student's
     * experiment to this class, and keeping them would let the teacher (and the class) keep opening the work of
     * someone who no longer belongs to it. If the student joins again, they submit again.
     */
    public void removeMember(String actor, long classId, long studentId) {
        SchoolClass c = managed(actor, classId);
        transactions.executeWithoutResult(tx -> {
            Account student = member(c, studentId);
            removals.removeMember(c.id(), student.id(), student.username());
        });
    }

    /** What deleting the class would take with it (its teacher and the admin). */
    public ClassContents contents(String actor, long classId) {
        return removals.classContents(managed(actor, classId).id());
    }

    /**
     * The class's teacher (or the admin) deletes the class: its assignments, their submissions, its gallery shares
     * and its memberships go, all in one transaction. The students' accounts and experiments stay theirs.
     */
    public void deleteClass(String actor, long classId) {
        SchoolClass c = managed(actor, classId);
        transactions.executeWithoutResult(tx -> removals.deleteClass(c.id()));
    }

    /** Who the class's teacher (or the admin) can hand it to: the other teachers and admins. */
    public List<Account> handOverCandidates(String actor, long classId) {
        SchoolClass c = managed(actor, classId);
        return accounts.staff().stream().filter(a -> a.id() != c.teacherId()).toList();
    }

    /**
     * The class's teacher (or the admin) gives the class to another teacher or admin, e.g. before the admin deletes
     * the old teacher's account. Anyone else as the new teacher is refused like an unknown id.
     */
    public SchoolClass handOver(String actor, long classId, long newTeacherId) {
        SchoolClass c = managed(actor, classId);
        Account next = accounts.find(newTeacherId).filter(a -> a.role() != Role.STUDENT)
                .orElseThrow(ClassroomException::denied);
        return transactions.execute(tx -> {
            removals.handOver(c.id(), next.id());
            return classes.find(c.id()).orElseThrow();
        });
    }

    /**
     * The class's teacher (or the admin) gives a student of the class a new one-time password, shown once: like an
     * imported student's, it must be changed at the next login. The old password stops working at once.
     */
    public OneTimeLogin resetPassword(String actor, long classId, long studentId) {
        SchoolClass c = managed(actor, classId);
        Account student = member(c, studentId);
        String password = Codes.oneTimePassword();
        accounts.setOneTimePassword(student.id(), password);
        return new OneTimeLogin(student.displayName(), student.username(), password);
    }

    /** A student of the class; refused like an unknown id otherwise, so ids of other schools' students say nothing. */
    private Account member(SchoolClass c, long studentId) {
        if (!classes.isMember(c.id(), studentId)) {
            throw ClassroomException.denied();
        }
        return accounts.find(studentId).orElseThrow(ClassroomException::denied);
    }

    /** True when {@code actor} may see work owned by {@code owner}: themselves, the admin, or the owner's teacher. */
    public boolean maySeeWorkOf(String actor, String owner) {
        if (actor == null || owner == null) {
            return false;
        }
        if (actor.equals(owner)) {
            return true;
        }
        Optional<Account> a = accounts.find(actor);
        Optional<Account> o = accounts.find(owner);
        if (a.isEmpty() || o.isEmpty()) {
            return false;
        }
        return a.get().role() == Role.ADMIN
                || (a.get().role() == Role.TEACHER && classes.teaches(a.get().id(), o.get().id()));
    }

    /** The class if the user is its teacher or the admin; refused otherwise. */
    SchoolClass managed(String actor, long classId) {
        Account a = accounts.requireRole(actor, Role.TEACHER, Role.ADMIN);
        SchoolClass c = classes.find(classId).orElseThrow(ClassroomException::denied);
        if (a.role() != Role.ADMIN && c.teacherId() != a.id()) {
            throw ClassroomException.denied();
        }
        return c;
    }

    private String freshCode() {
        String code;
        do {
            code = Codes.joinCode();
        } while (classes.codeExists(code));
        return code;
    }

    /**
     * A username from the name's Latin letters (or "student"), then a number until it is free; never a reserved one.
     */
    private String freeUsername(String name, long classId, Set<String> taken) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^[^a-z]+|\\.+$", "");
        String base = ascii.length() >= 3 ? ascii : "student" + classId;
        if (base.length() > 30) {
            base = base.substring(0, 30).replaceAll("\\.+$", "");
        }
        if (AccountRules.reserved(base, Role.STUDENT)) {
            // "Local" or "Admin" on the list: a student never gets a name the server keeps for itself or its admin
            base = "student." + base;
        }
        String candidate = base;
        for (int i = 2; taken.contains(candidate) || accounts.find(candidate).isPresent(); i++) {
            candidate = base + i;
        }
        return candidate;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
