package io.tinynets.base.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Korean interface speaks one register: statements in the formal polite form (-ㅂ니다/-습니다: "저장했습니다"),
 * requests in -세요 ("다시 시도해 보세요"), labels as noun phrases. A word ending in -요 (the polite informal
 * "저장했어요", "없어요", "삭제할까요?") breaks it, and so fails here with its key, so that new keys keep the register.
 * Allowed: requests ending in -세요, and 아니요 ("no").
 */
class KoreanRegisterTest {

    /** A word ending in 요 at the end of a sentence or clause. */
    private static final Pattern YO_ENDING = Pattern.compile("(\\S*요)(?=[.)!?,:;\\s\"'”’…]|$)");

    /** Nouns that end in 요 and are no verb ending: 필요 ("need"), 중요 ("importance"), 요약 never ends a word. */
    private static final Pattern NOUNS_ENDING_IN_YO = Pattern.compile("(필요|중요)$");

    @Test
    void noKoreanTextEndsInTheInformalPoliteYo() throws IOException {
        Properties ko = new Properties();
        try (var in = getClass().getResourceAsStream("/messages_ko.properties")) {
            ko.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> informal = new ArrayList<>();
        for (String key : ko.stringPropertyNames()) {
            Matcher m = YO_ENDING.matcher(ko.getProperty(key));
            while (m.find()) {
                String word = m.group(1);
                if (!word.endsWith("세요") && !word.endsWith("아니요") && !NOUNS_ENDING_IN_YO.matcher(word).find()) {
                    informal.add(key + ": " + word);
                }
            }
        }
        assertThat(ko).hasSizeGreaterThan(500);
        assertThat(informal).as("-요 endings in messages_ko.properties: use -ㅂ니다/-습니다 (requests: -세요)")
                .isEmpty();
    }

    @Test
    void theCheckCatchesAnInformalEndingAndLetsRequestsAndNoPass() {
        assertThat(YO_ENDING.matcher("저장했어요.").find()).isTrue();
        assertThat(YO_ENDING.matcher("삭제할까요?").find()).isTrue();
        Matcher request = YO_ENDING.matcher("다시 시도해 보세요.");
        assertThat(request.find()).isTrue();
        assertThat(request.group(1)).endsWith("세요");
        assertThat(YO_ENDING.matcher("저장했습니다.").find()).isFalse();
        assertThat(NOUNS_ENDING_IN_YO.matcher("필요").find()).isTrue();
        assertThat(NOUNS_ENDING_IN_YO.matcher("필요해요").find()).isFalse();
    }
}
