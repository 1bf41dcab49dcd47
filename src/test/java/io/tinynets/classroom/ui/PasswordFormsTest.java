package io.tinynets.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.PasswordField;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.classroom.AccountService;
import io.tinynets.classroom.ClassService;
import io.tinynets.classroom.ClassroomFixtures;
import io.tinynets.classroom.SchoolClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form that sets a password says BCrypt's limit at the field, in bytes the way a student can follow ("24
 * Korean characters"), and keeps its button disabled: 25 Korean characters used to end in an internal error.
 */
class PasswordFormsTest extends KaribuTest {

    static final String KOREAN_24 = "가".repeat(24);
    static final String KOREAN_25 = "가".repeat(25);
    static final String RULE = "A password has at least 8 characters and at most 72 bytes: up to 72 Latin letters "
            + "and digits, or 24 Korean characters.";

    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void freshServer() {
        ClassroomFixtures.clean(jdbc);
    }

    /** Types the password (and its confirmation) and says whether the field took it. */
    private static boolean accepts(PasswordField password, PasswordField confirm, String value) {
        password.setValue(value);
        confirm.setValue(value);
        return !password.isInvalid();
    }

    @Test
    void theFirstStartFormSaysTheLimitAtTheField() {
        UI.getCurrent().navigate("setup");
        FirstStartView setup = _get(FirstStartView.class);
        setup.displayName.setValue("Head of IT");
        assertThat(setup.password.getHelperText()).isEqualTo("At least 8 characters; at most 72 Latin or 24 Korean "
                + "characters");
        assertThat(accepts(setup.password, setup.confirm, KOREAN_25)).isFalse();
        assertThat(setup.password.getErrorMessage()).isEqualTo(RULE);
        assertThat(setup.create.isEnabled()).isFalse();
        assertThat(accepts(setup.password, setup.confirm, KOREAN_24)).isTrue();
        assertThat(setup.create.isEnabled()).isTrue();
        _click(setup.create);
        assertThat(accounts.adminExists()).isTrue();
    }

    @Test
    void theSignUpFormRefusesTwentyFiveKoreanCharactersInKorean() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        UI.getCurrent().getSession().setLocale(Locale.KOREAN);
        SchoolClass c = ClassroomFixtures.kimsClass(jdbc, accounts, classes);
        accounts.createFirstAdmin("admin", "Admin", "admin password");
        UI.getCurrent().navigate("signup");
        SignUpView signUp = _get(SignUpView.class);
        signUp.code.setValue(c.joinCode());
        signUp.username.setValue("yuna");
        signUp.displayName.setValue("유나");
        assertThat(accepts(signUp.password, signUp.confirm, KOREAN_25)).isFalse();
        assertThat(signUp.password.getErrorMessage()).isEqualTo("비밀번호는 8자 이상, 72바이트 이하여야 합니다. "
                + "영문자와 숫자는 72자까지, 한글은 24자까지 쓸 수 있습니다.");
        assertThat(signUp.create.isEnabled()).isFalse();
        assertThat(accepts(signUp.password, signUp.confirm, KOREAN_24)).isTrue();
        assertThat(signUp.create.isEnabled()).isTrue();
        assertThat(signUp.create()).isTrue();
        assertThat(accounts.find("yuna")).isPresent();
    }

    @Test
    void theChangePasswordFormSaysTheLimitToo() {
        accounts.createFirstAdmin("admin", "Admin", "admin password");
        login("admin", "ADMIN");
        UI.getCurrent().navigate("password");
        ChangePasswordView view = _get(ChangePasswordView.class);
        view.current.setValue("admin password");
        assertThat(accepts(view.next, view.confirm, KOREAN_25)).isFalse();
        assertThat(view.next.getErrorMessage()).isEqualTo(RULE);
        assertThat(view.save.isEnabled()).isFalse();
        assertThat(accepts(view.next, view.confirm, KOREAN_24)).isTrue();
        assertThat(view.save()).isTrue();
    }

    @Test
    void aSetUpWonElsewhereMeanwhileClosesTheFormWithItsReason() {
        UI.getCurrent().navigate("setup");
        FirstStartView setup = _get(FirstStartView.class);
        setup.displayName.setValue("Head of IT");
        accepts(setup.password, setup.confirm, "a good password");
        // another instance's set-up went through while this form was open
        jdbc.update("INSERT INTO first_start (id, done_at) VALUES (1, CURRENT_TIMESTAMP)");
        assertThat(setup.create()).isFalse();
        assertThat(setup.form.isVisible()).isFalse();
        assertThat(setup.closed.isVisible()).isTrue();
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                "This server is already set up. Log in, or ask the administrator for an account.");
    }
}
