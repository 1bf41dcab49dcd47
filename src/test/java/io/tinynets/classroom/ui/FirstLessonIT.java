package io.tinynets.classroom.ui;

import io.tinynets.base.ui.Browser;
import io.tinynets.base.ui.TranslationProvider;
import io.tinynets.base.ui.UserPreferences;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.training.TrainingRun;
import io.tinynets.training.TrainingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first lesson on a new server, in real browsers, in English and then in Korean: the administrator sets the
 * server up and creates a teacher; the teacher makes a class, shows its join link and imports a name; one student
 * signs up through the link, another logs in with the one-time password and chooses their own; the teacher saves a
 * run and turns it into an assignment with a goal; both students open it in the lab, train and submit; the teacher
 * projects a student's live run from the dashboard opened as a fresh page, answers a submission, and the student
 * reads the answer; a student shares a run and a classmate opens it from the gallery. Then a tab whose session is
 * gone says so. Screenshots go to {@code target/screenshots/first-lesson-*}; any error in a browser console fails.
 *
 * <p>Its own Spring context (the property below): a fresh database without an administrator, so the set-up page is
 * really the first thing the server shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tinynets.test.context=first-lesson")
class FirstLessonIT {

    private static final String ADMIN_PASSWORD = "admin password";
    private static final String PASSWORD = "long enough password";

    static Browser teacher;
    static Browser student;
    static Browser classmate;

    @LocalServerPort
    int port;
    @Autowired
    TrainingService training;
    @Autowired
    ClassService classes;
    @Autowired
    io.tinynets.experiment.ExperimentService experiments;
    private final TranslationProvider translations = new TranslationProvider();
    private final List<String> consoleErrors = new ArrayList<>();
    private Locale locale = Locale.ENGLISH;

    @BeforeAll
    static void startBrowsers() throws Exception {
        teacher = Browser.start();
        student = Browser.start();
        classmate = Browser.start();
    }

    @AfterAll
    static void stopBrowsers() {
        for (Browser b : new Browser[] {teacher, student, classmate}) {
            if (b != null) {
                b.close();
            }
        }
    }

    /** The lesson in one language: each pass has its own teacher, class and students. */
    private record Lesson(String lang, String teacherUser, String teacherName, String className, String signUpUser,
                          String signUpName, String importedName, boolean newTeacher) {
    }

    @Test
    void theFirstLessonRunsEndToEndInEnglishAndKorean() throws Exception {
        try {
            setUpServer();
                lesson(new Lesson("en", "ms.kim", "Ms Kim", "3-A", "minji", "Minji", "Jisoo Park", true));
            // the same teacher's second class, in Korean (their account and saved run exist already)
            lesson(new Lesson("ko", "ms.kim", "Ms Kim", "3-B", "sora", "소라", "박하나", false));
            assertThat(consoleErrors).as("errors in the browsers' consoles").isEmpty();
            anEndedSessionSaysSo();
        } catch (Throwable e) {
            // what each browser showed when it went wrong
            teacher.screenshot("first-lesson-failed-teacher");
            student.screenshot("first-lesson-failed-student");
            classmate.screenshot("first-lesson-failed-classmate");
            throw e;
        }
    }

    /** The administrator's first visit: the login page sends them to the set-up, which creates the account. */
    private void setUpServer() throws Exception {
        teacher.driver.get(base() + "/login");
        waitHeading(teacher, t("classroom.setup.title"));
        type(teacher, t("classroom.field.username"), "admin");
        type(teacher, t("classroom.field.displayName"), "Admin");
        type(teacher, t("classroom.field.password"), ADMIN_PASSWORD);
        type(teacher, t("classroom.field.confirm"), ADMIN_PASSWORD);
        teacher.screenshot("first-lesson-en-setup");
        click(teacher, t("classroom.setup.create"));
        teacher.waitFor(30, d -> d.getCurrentUrl().contains("/login"));
        checkConsole(teacher);
    }

    private void lesson(Lesson l) throws Exception {
        for (Browser b : new Browser[] {teacher, student, classmate}) {
            logOut(b); // in the language the page is in
            b.driver.manage().addCookie(new Cookie(UserPreferences.LANGUAGE_COOKIE, l.lang()));
        }
        locale = Locale.forLanguageTag(l.lang());
        String shot = "first-lesson-" + l.lang() + "-";

        phase(l.lang() + ": the administrator creates the teacher");
        // the administrator creates the teacher's account
        teacher.login(base(), "admin", ADMIN_PASSWORD);
        open(teacher, "admin", t("classroom.admin.title"));
        if (l.newTeacher()) {
            type(teacher, t("classroom.field.username"), l.teacherUser());
            type(teacher, t("classroom.field.displayName"), l.teacherName());
            type(teacher, t("classroom.field.password"), PASSWORD);
            type(teacher, t("classroom.field.confirm"), PASSWORD);
            click(teacher, t("classroom.admin.createUser"));
            waitText(teacher, t("classroom.admin.userCreated", l.teacherUser()));
        }
        teacher.screenshot(shot + "admin");
        checkConsole(teacher);

        phase(l.lang() + ": the teacher makes the class");
        // the teacher makes the class, reads its join link and imports one name
        logOut(teacher);
        teacher.login(base(), l.teacherUser(), PASSWORD);
        open(teacher, "classes", t("classroom.classes.title"));
        type(teacher, t("classroom.classes.newName"), l.className());
        click(teacher, t("classroom.classes.create"));
        SchoolClass made = classes.classes(l.teacherUser()).stream().filter(c -> c.name().equals(l.className()))
                .findFirst().orElseThrow();
        waitText(teacher, t("classroom.classes.created", l.className(), made.joinCode()));
        WebElement linkField = field(teacher, t("classroom.classes.joinLink"));
        teacher.waitFor(30, d -> linkField.getAttribute("value").endsWith("signup?code=" + made.joinCode()));
        String joinLink = linkField.getAttribute("value");
        assertThat(joinLink).isEqualTo(base() + "/signup?code=" + made.joinCode());
        assertThat(teacher.driver.findElements(By.cssSelector(".join-qr svg path"))).hasSize(1);
        type(teacher, t("classroom.import.label"), l.importedName());
        click(teacher, t("classroom.import.button"));
        waitText(teacher, t("classroom.import.done", 1, l.className()));
        List<String> cells = teacher.driver.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
        int at = cells.lastIndexOf(l.importedName());
        String otpUser = cells.get(at + 1);
        String otp = cells.get(at + 2);
        teacher.screenshot(shot + "imported");
        click(teacher, t("classroom.close"));
        checkConsole(teacher);

        phase(l.lang() + ": a student opens the join link");
        // a student opens the join link: the class is named, and signing up logs them in
        student.driver.get(joinLink);
        waitHeading(student, t("classroom.signup.title"));
        waitText(student, t("classroom.signup.joining", l.className(), l.teacherName()));
        type(student, t("classroom.field.username"), l.signUpUser());
        type(student, t("classroom.field.displayName"), l.signUpName());
        type(student, t("classroom.field.password"), PASSWORD);
        type(student, t("classroom.field.confirm"), PASSWORD);
        student.screenshot(shot + "signup");
        click(student, t("classroom.signup.create"));
        student.waitFor(60, d -> d.getCurrentUrl().endsWith("/classes"));
        waitText(student, t("classroom.signup.welcome", l.signUpName()));
        student.waitForVaadin();
        checkConsole(student);

        phase(l.lang() + ": the imported student logs in");
        // the imported student logs in with the one-time password and chooses their own
        classmate.login(base(), otpUser, otp);
        waitHeading(classmate, t("classroom.password.title"));
        type(classmate, t("classroom.password.oneTime"), otp);
        type(classmate, t("classroom.password.new"), PASSWORD);
        type(classmate, t("classroom.field.confirm"), PASSWORD);
        click(classmate, t("classroom.password.save"));
        waitText(classmate, t("classroom.password.changed"));
        checkConsole(classmate);

        phase(l.lang() + ": the teacher trains a run");
        // the teacher trains a run, saves it and makes it an assignment with a goal on the test loss
        if (l.newTeacher()) {
            open(teacher, "playground", null);
            play(teacher);
            awaitEpochs(l.teacherUser(), 10);
            click(teacher, t("experiments.saveDialog.open"));
            waitText(teacher, t("experiments.saveDialog.header"));
            click(teacher, t("experiments.save"));
            teacher.waitFor(30, d -> !experiments.list(l.teacherUser(), null).isEmpty());
            training.runsOf(l.teacherUser()).forEach(r -> training.cancel(l.teacherUser(), r.id()));
        }
        open(teacher, "assignments", t("classroom.assignments.title"));
        chooseInSelect(teacher, t("classroom.classes.name"), l.className());
        click(teacher, t("classroom.assignments.new"));
        chooseFirst(teacher, t("classroom.assignments.source"));
        WebElement title = field(teacher, t("classroom.assignments.assignment"));
        teacher.waitFor(30, d -> !title.getAttribute("value").isEmpty());
        String assignment = title.getAttribute("value");
        chooseInSelect(teacher, t("classroom.assignments.goal"), t("classroom.metric.test_loss"));
        type(teacher, t("classroom.assignments.goalValue"), "0.9");
        teacher.screenshot(shot + "new-assignment");
        click(teacher, t("classroom.assignments.create"));
        waitText(teacher, t("classroom.assignments.created", assignment, l.className()));
        checkConsole(teacher);

        phase(l.lang() + ": both students open it");
        // both students open it in the lab, train and submit; the first keeps training for the dashboard
        startAssignment(student, assignment);
        startAssignment(classmate, assignment);
        submitAssignment(student, l.signUpUser(), assignment, shot + "submitted");
        submitAssignment(classmate, otpUser, assignment, null);
        play(student); // trains on for the dashboard

        phase(l.lang() + ": the teacher projects");
        // the teacher projects the student's live run from the dashboard opened as the first page of a tab
        teacher.driver.get(base() + "/dashboard/" + made.id());
        waitHeading(teacher, t("classroom.dashboard.title", l.className()));
        waitText(teacher, l.signUpName());
        teacher.waitFor(30, d -> !d.findElements(By.cssSelector("vaadin-button[aria-label='"
                + t("classroom.dashboard.project") + "']")).stream().filter(WebElement::isDisplayed).toList()
                .isEmpty());
        teacher.screenshot(shot + "dashboard");
        WebElement eye = teacher.driver.findElements(By.cssSelector("vaadin-button[aria-label='"
                + t("classroom.dashboard.project") + "']")).stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow();
        teacher.waitForVaadin();
        eye.click();
        teacher.waitFor(30, d -> teacher.paintedPixels("tn-heat-map") > 1000);
        teacher.screenshot(shot + "projection");
        click(teacher, t("classroom.close"));
        checkConsole(teacher);

        phase(l.lang() + ": the teacher answers");
        // the teacher answers the student's submission; the student reads the whole answer
        open(teacher, "assignments", t("classroom.assignments.title"));
        chooseInSelect(teacher, t("classroom.classes.name"), l.className());
        clickCell(teacher, assignment);
        clickCell(teacher, l.signUpName());
        String answer = l.lang().equals("ko") ? "잘했습니다. 학습률을 조금 낮추고 테스트 손실을 보세요."
                : "Well done. Lower the learning rate a little and watch the test loss.";
        type(teacher, t("classroom.submission.feedback"), answer);
        click(teacher, t("classroom.submission.saveFeedback"));
        waitText(teacher, t("classroom.submission.feedbackSaved", l.signUpName()));
        teacher.screenshot(shot + "feedback");
        open(student, "assignments", t("classroom.assignments.title"));
        clickCell(student, assignment);
        waitText(student, answer);
        student.screenshot(shot + "feedback-read");
        checkConsole(teacher);
        checkConsole(student);

        phase(l.lang() + ": the student shares a run");
        // the student shares a run; the classmate opens it from the gallery and takes a copy to the lab
        open(student, "gallery", t("classroom.gallery.title"));
        String shared = chooseFirst(student, t("classroom.gallery.mine"));
        click(student, t("classroom.gallery.share"));
        waitText(student, t("classroom.gallery.shared", shared, l.className()));
        open(classmate, "gallery", t("classroom.gallery.title"));
        clickCell(classmate, shared);
        waitText(classmate, t("classroom.gallery.settings"));
        classmate.waitFor(30, d -> classmate.paintedPixels("tn-heat-map") > 100);
        classmate.screenshot(shot + "gallery");
        click(classmate, t("classroom.gallery.openInLab"));
        classmate.waitFor(60, d -> d.getCurrentUrl().contains("/playground?experiment="));
        waitText(classmate, t("classroom.gallery.copied", shared));
        classmate.waitForVaadin();
        classmate.screenshot(shot + "gallery-copy-in-lab");
        checkConsole(student);
        checkConsole(classmate);
        for (String u : List.of(l.teacherUser(), l.signUpUser(), otpUser)) {
            training.runsOf(u).forEach(r -> training.cancel(u, r.id()));
        }
    }

    /** A student opens the assignment in its lab with the teacher's settings and starts training. */
    private void startAssignment(Browser b, String assignment) {
        open(b, "assignments", t("classroom.assignments.title"));
        clickCell(b, assignment);
        click(b, t("classroom.assignments.openInLab"));
        waitText(b, t("classroom.assignmentBar.title", assignment));
        b.waitForVaadin();
        play(b);
    }

    /** The student's run, trained a little, is submitted to the assignment. */
    private void submitAssignment(Browser b, String username, String assignment, String screenshot)
            throws Exception {
        awaitEpochs(username, 10);
        click(b, t("classroom.assignmentBar.submit"));
        waitText(b, t("classroom.assignmentBar.submitDialog", assignment));
        click(b, t("classroom.assignmentBar.submitDialog.button"));
        b.waitFor(30, d -> d.getPageSource().contains(t("classroom.submission.doneMet"))
                || d.getPageSource().contains(t("classroom.submission.doneNotMet")));
        if (screenshot != null) {
            b.screenshot(screenshot);
        }
        checkConsole(b);
    }

    /** A session the server no longer knows (what a restart leaves): the open tab says so, with a reload. */
    private void anEndedSessionSaysSo() throws Exception {
        open(student, "classes", t("classroom.classes.title"));
        // the browser keeps its session cookie; the server no longer knows that session (as after a restart)
        Cookie session = student.driver.manage().getCookieNamed("JSESSIONID");
        student.driver.manage().deleteCookieNamed("JSESSIONID");
        student.driver.manage().addCookie(new Cookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF",
                session.getPath()));
        clickCell(student, student.driver.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).filter(s -> s.startsWith("3-")).findFirst().orElseThrow());
        student.waitFor(30, d -> d.getPageSource().contains(t("classroom.session.ended.caption")));
        student.screenshot("first-lesson-ko-session-ended");
        assertThat(student.driver.getPageSource()).contains(t("classroom.session.ended.message"));
    }

    // ---- helpers ----

    private String base() {
        return "http://localhost:" + port;
    }

    private String t(String key, Object... args) {
        return translations.getTranslation(key, locale, args);
    }

    private void open(Browser b, String path, String heading) {
        b.driver.get(base() + "/" + path);
        b.waitFor(120, d -> !d.findElements(By.cssSelector("h2")).isEmpty());
        if (heading != null) {
            waitHeading(b, heading);
        }
        b.waitForVaadin();
    }

    private static void waitHeading(Browser b, String heading) {
        b.waitFor(120, d -> d.findElements(By.cssSelector("h2")).stream().anyMatch(h -> h.getText().equals(heading)));
        b.waitForVaadin();
    }

    private static void waitText(Browser b, String text) {
        b.waitFor(60, d -> d.getPageSource().contains(text.replace("&", "&amp;").replace("\"", "&quot;"))
                || d.getPageSource().contains(text));
    }

    /** The input of the visible field with this label (text, password, number, combo box, text area). */
    private static WebElement field(Browser b, String label) {
        By by = By.xpath("//*[self::vaadin-text-field or self::vaadin-password-field or self::vaadin-number-field"
                + " or self::vaadin-combo-box or self::vaadin-text-area][label[normalize-space()="
                + literal(label) + "]]//*[self::input or self::textarea]");
        return b.waitFor(30, d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
    }

    private static void type(Browser b, String label, String text) {
        WebElement input = field(b, label);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        b.waitForVaadin();
    }

    private static void click(Browser b, String text) {
        By by = By.xpath("//vaadin-button[normalize-space()=" + literal(text) + " or normalize-space(text())="
                + literal(text) + "]");
        WebElement button;
        try {
            button = b.waitFor(30, d -> d.findElements(by).stream()
                    .filter(e -> e.isDisplayed() && e.getAttribute("disabled") == null).findFirst().orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no enabled button '" + text + "' among: " + b.driver.findElements(
                    By.cssSelector("vaadin-button")).stream().map(x -> "[" + x.getText() + "|"
                    + x.getAttribute("disabled") + "|" + x.isDisplayed() + "]").toList(), e);
        }
        press(b, button);
    }

    /** Clicks like a user, after scrolling the element to the middle of the window (a notification may cover the
     * bottom edge). */
    private static void press(Browser b, WebElement e) {
        b.js("arguments[0].scrollIntoView({block: 'center'})", e);
        try {
            e.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            // a notification over the button: the user would wait for it to go; close the notifications instead
            b.js("document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false)");
            e.click();
        }
        b.waitForVaadin();
    }

    private static void clickCell(Browser b, String text) {
        By by = By.xpath("//vaadin-grid-cell-content[normalize-space()=" + literal(text) + "]");
        press(b, b.waitFor(30, d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null)));
    }

    /** Opens the combo box with this label and picks its first item; returns the item's text. */
    private static String chooseFirst(Browser b, String label) {
        WebElement input = field(b, label);
        input.click();
        // a lazily loaded combo box first shows placeholder items without text: wait for a real one
        String text = b.waitFor(30, d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(WebElement::isDisplayed).map(item -> item.getText().strip()).filter(t -> !t.isEmpty())
                .findFirst().orElse(null));
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        b.waitFor(30, d -> text.equals(input.getAttribute("value").strip()));
        b.waitForVaadin();
        return text;
    }

    private static void chooseInSelect(Browser b, String label, String item) {
        By select = By.xpath("//vaadin-select[label[normalize-space()=" + literal(label) + "]]");
        b.waitFor(30, d -> d.findElements(select).stream().filter(WebElement::isDisplayed).findFirst().orElse(null))
                .click();
        // the overlay's option, not the copy of the chosen item the select shows as its value
        By option = By.xpath("//vaadin-select-item[@role='option'][normalize-space()=" + literal(item) + "]");
        b.waitFor(30, d -> d.findElements(option).stream().filter(WebElement::isDisplayed).findFirst().orElse(null))
                .click();
        b.waitForVaadin();
    }

    /** Logs out with the header's button when someone is logged in, and waits for the login page. */
    private void logOut(Browser b) {
        if (b.driver.getCurrentUrl().startsWith("http")) {
            By logout = By.xpath("//vaadin-button[normalize-space()=" + literal(t("shell.logout")) + " or "
                    + "normalize-space(text())=" + literal(t("shell.logout")) + "]");
            List<WebElement> buttons = b.driver.findElements(logout).stream().filter(WebElement::isDisplayed).toList();
            if (!buttons.isEmpty()) {
                b.waitForVaadin();
                buttons.get(0).click();
                // the logout leaves the page: wait for the next one, without the button
                b.waitFor(60, d -> {
                    try {
                        return d.findElements(logout).stream().noneMatch(WebElement::isDisplayed)
                                && !d.findElements(By.cssSelector("h2, #vaadinLoginUsername")).isEmpty();
                    } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                        return false; // the page changed under the look-up: look again
                    }
                });
                b.waitForVaadin();
                return;
            }
        }
        b.driver.get(base() + "/login");
        b.waitFor(120, d -> !d.findElements(By.cssSelector("h2, #vaadinLoginUsername")).isEmpty());
    }

    private static void play(Browser b) {
        By play = By.cssSelector(".training-controls vaadin-button[theme~='primary']");
        b.waitFor(120, d -> d.findElements(play).stream().filter(e -> e.getAttribute("disabled") == null)
                .findFirst().orElse(null)).click();
        b.waitForVaadin();
    }

    private void awaitEpochs(String username, long epochs) {
        teacher.waitFor(60, d -> training.runsOf(username).stream().mapToLong(TrainingRun::epoch).max()
                .orElse(0) >= epochs);
    }

    /** Collects the browser's console errors (Chromium hands each line out once). */
    private long started = System.nanoTime();

    /** Prints how long the lesson has taken so far (the IT's time is part of the CI budget). */
    private void phase(String name) {
        System.out.printf("FirstLessonIT %5.1f s %s%n", (System.nanoTime() - started) / 1e9, name);
    }

    private void checkConsole(Browser b) {
        b.consoleLog().stream().filter(line -> line.startsWith("SEVERE")).forEach(consoleErrors::add);
    }

    private static String literal(String s) {
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        return "concat('" + s.replace("'", "',\"'\",'") + "')";
    }
}
