package io.tinynets.classroom.ui;

import com.vaadin.flow.component.UI;
import io.tinynets.base.ui.KaribuTest;
import io.tinynets.base.ui.UploadTexts;
import io.tinynets.experiment.ui.ExperimentsViewAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The texts Vaadin's own components bring (the login form's checks, the upload's drop zone and errors) speak Korean
 * on a Korean page, and the login page carries the Korean brand.
 */
class KoreanComponentTextsTest extends KaribuTest {

    @BeforeEach
    void korean() {
        // the login page sends to /setup while no admin exists; other tests may have taken the first start already
        io.tinynets.TestAccounts.ensure(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class), "admin", "ADMIN");
        UI.getCurrent().setLocale(Locale.KOREAN);
        UI.getCurrent().getSession().setLocale(Locale.KOREAN);
    }

    @Test
    void theLoginFormsOwnChecksAndTitleAreKorean() {
        UI.getCurrent().navigate("login");
        LoginView login = _get(LoginView.class);
        assertThat(login.i18n.getForm().getTitle()).isEqualTo("타이니 넷 랩 로그인");
        assertThat(login.i18n.getErrorMessage().getUsername()).isEqualTo("사용자 이름을 입력하세요.");
        assertThat(login.i18n.getErrorMessage().getPassword()).isEqualTo("비밀번호를 입력하세요.");
    }

    @Test
    void theUploadsDropZoneErrorsAndProgressAreKorean() {
        var i18n = UploadTexts.of(UI.getCurrent());
        assertThat(i18n.getDropFiles().getOne()).isEqualTo("여기에 파일을 끌어다 놓으세요");
        assertThat(i18n.getAddFiles().getOne()).isEqualTo("파일 올리기…");
        assertThat(i18n.getError().getFileIsTooBig()).isEqualTo("파일이 너무 큽니다.");
        assertThat(i18n.getUploading().getStatus().getConnecting()).isEqualTo("연결하는 중…");
        assertThat(i18n.getFile().getRemove()).isEqualTo("지우기");
        login("minji", "STUDENT");
        UI.getCurrent().navigate("experiments");
        assertThat(ExperimentsViewAccess.upload().getI18n().getDropFiles().getOne())
                .isEqualTo("여기에 파일을 끌어다 놓으세요");
    }
}
