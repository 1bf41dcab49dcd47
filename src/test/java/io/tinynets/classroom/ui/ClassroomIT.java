package io.tinynets.classroom.ui;

import io.tinynets.base.ui.Browser;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.AssignmentService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.Role;
import io.tinynets.classroom.SchoolClass;
import io.tinynets.experiment.Curve;
import io.tinynets.experiment.ExperimentDraft;
import io.tinynets.experiment.ExperimentService;
import io.tinynets.lab.playground.PlaygroundConfig;
import io.tinynets.lab.playground.PlaygroundConfigJson;
import io.tinynets.training.TrainingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real browsers at once, as in a classroom: a student logs in and trains a lab; the teacher, logged in in another
 * browser, sees that run appear and advance on the class's live dashboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassroomIT {

    private static final By PLAY = By.cssSelector(".training-controls vaadin-button[theme~='primary']");

    static Browser teacher;
    static Browser student;

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    TrainingService training;
    @Autowired
    ExperimentService experiments;
    @Autowired
    AssignmentService assignments;
    @Autowired
    io.tinynets.classroom.AdminService admin;

    @AfterAll
    static void stopBrowsers() {
        if (teacher != null) {
            teacher.close();
        }
        if (student != null) {
            student.close();
        }
    }

    @Test
    void aStudentsRunAppearsOnTheTeachersDashboard() throws Exception {
        if (!accounts.adminExists()) {
            accounts.createFirstAdmin("admin", "Admin", "admin password");
        }
        ClassroomFixtures.account(accounts, "it.teacher", Role.TEACHER);
        SchoolClass c = classes.create("it.teacher", "IT class");
        classes.signUp(c.joinCode(), "it.minji", "Minji", "minji password");
        String base = "http://localhost:" + port;

        teacher = Browser.start();
        student = Browser.start();
        teacher.login(base, "it.teacher", ClassroomFixtures.PASSWORD);
        teacher.driver.get(base + "/dashboard/" + c.id());
        teacher.waitFor(60, d -> d.getPageSource().contains("Live dashboard: IT class"));
        teacher.waitFor(30, d -> d.getPageSource().contains("Not training"));

        student.login(base, "it.minji", "minji password");
        student.driver.get(base + "/depth");
        student.waitFor(120, "the lab's Play button", d -> !d.findElements(PLAY).isEmpty());
        student.waitForVaadin();
        student.click(PLAY);
        student.waitFor(30, "the student's run past epoch 3", d -> !training.runsOf("it.minji").isEmpty()
                && training.runsOf("it.minji").get(0).epoch() > 3);

        // the dashboard polls every second: the student's run shows up with its lab and a growing epoch
        teacher.waitFor(30, "the run's lab on the dashboard", d -> d.getPageSource().contains("Vanishing gradient"));
        teacher.waitFor(30, "the run's state on the dashboard", d -> d.getPageSource().contains("Training")
                || d.getPageSource().contains("Finished"));
        teacher.waitFor(30, "Minji's row replacing 'Not training'", d -> d.getPageSource().contains("Minji")
                && !d.getPageSource().contains("Not training"));
        teacher.screenshot("classroom-dashboard");

        // project it: the lab's own picture (the depth lab's decision boundary) next to the loss curve; the dashboard
        // refreshes its rows every second, so the click waits for the button and finds it again if it was replaced
        teacher.waitForVaadin();
        teacher.click(By.cssSelector("vaadin-button[aria-label='Project this run']"));
        teacher.waitFor(30, "the projection", d -> d.getPageSource().contains("Decision boundary of the first network"));
        teacher.waitFor(30, "the projected picture painted", d -> teacher.paintedPixels("tn-heat-map") > 1000);
        teacher.screenshot("classroom-projection");
        teacher.click(By.xpath("//vaadin-button[contains(., 'Close')]"));
        teacher.waitFor(30, "the projection closed",
                d -> !d.getPageSource().contains("Decision boundary of the first network"));
        student.screenshot("classroom-student-lab");

        // the teacher's classes page: the class, its code and its student
        teacher.driver.get(base + "/classes");
        teacher.waitFor(60, d -> d.getPageSource().contains(c.joinCode()));
        teacher.waitForVaadin();
        teacher.click(By.xpath("//vaadin-grid-cell-content[normalize-space()='IT class']"));
        teacher.waitFor(30, d -> d.getPageSource().contains("Minji"));
        teacher.screenshot("classroom-classes");

        // an assignment unlocking only the learning rate: the student opens it from the assignments page and gets
        // the playground with the teacher's settings, the locked fields disabled in the browser itself
        long source = experiments.save("it.teacher", new ExperimentDraft("playground", "teacher run", "", List.of(),
                PlaygroundConfigJson.write(PlaygroundConfig.defaults(), null), PlaygroundConfigJson.VERSION, 3,
                List.of(Curve.of("train loss", new double[] {1}, new double[] {0.5})), Map.of("loss", 0.5), null,
                null));
        assignments.create("it.teacher", c.id(), source, "Circle, your learning rate", "Find a learning rate.",
                List.of("learningRate"), null);
        student.driver.get(base + "/assignments");
        student.waitFor(60, d -> d.getPageSource().contains("Circle, your learning rate"));
        student.waitForVaadin();
        student.click(By.xpath("//vaadin-grid-cell-content[normalize-space()='Circle, your learning rate']"));
        student.click(By.xpath("//vaadin-button[contains(., 'Open in lab')]"));
        student.waitFor(60, d -> d.getPageSource().contains("Assignment: Circle, your learning rate"));
        student.waitForVaadin();
        assertThat(student.driver.findElement(By.xpath("//vaadin-integer-field[label[normalize-space()='Batch size']]"))
                .getAttribute("disabled")).isNotNull();
        assertThat(student.driver.findElement(By.xpath("//vaadin-number-field[label[normalize-space()='Learning rate']]"))
                .getAttribute("disabled")).isNull();
        student.screenshot("classroom-assignment-lab");

        // the same in Korean: the bar, its goal and the locked fields speak the student's language
        student.driver.manage().addCookie(new org.openqa.selenium.Cookie(
                io.tinynets.base.ui.UserPreferences.LANGUAGE_COOKIE, "ko"));
        student.driver.navigate().refresh();
        student.waitFor(60, d -> d.getPageSource().contains("과제: Circle, your learning rate"));
        student.waitForVaadin();
        assertThat(student.driver.getPageSource()).contains("바꿀 수 있는 설정: 학습률");
        student.screenshot("classroom-assignment-lab-ko");

        // the admin deletes the student's account: the open page is sent to the login at once (pushed), and the old
        // session cannot be used again
        admin.deleteAccount("admin", accounts.find("it.minji").orElseThrow().id());
        student.waitFor(30, d -> d.getCurrentUrl().contains("/login"));
        student.driver.get(base + "/experiments");
        student.waitFor(30, d -> d.getCurrentUrl().contains("/login"));
        student.waitFor(60, d -> !d.findElements(By.id("vaadinLoginUsername")).isEmpty());
        student.waitForVaadin();
        student.screenshot("classroom-deleted-account");
    }
}
