package io.tinynets.base.ui;

import io.tinynets.data.CsvDatasetReader;
import io.tinynets.data.CsvFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every way a CSV upload can be refused has a text in English and Korean, with its values filled in. */
class CsvMessagesTest {

    private final TranslationProvider translations = new TranslationProvider();

    @ParameterizedTest
    @ValueSource(strings = {"\"1\",2,0", "1,2", "1,2,0.5", "", "1,2,0\n3,4,0", "1,,0", "1,NaN,0", "1,x,0",
            "1,1e999,0", "1,1,0\n1,1,1\n1,1,2\n1,1,3\n1,1,4\n1,1,5\n1,1,6\n1,1,7\n1,1,8\n1,1,9\n1,1,10"})
    void everyRefusalIsTranslated(String csv) {
        CsvFormatException e = catchThrowableOfType(() -> new CsvDatasetReader().read(new StringReader(csv)),
                CsvFormatException.class);
        assertThat(e).as(csv).isNotNull();
        for (Locale locale : translations.getProvidedLocales()) {
            String text = translations.getTranslation(e.messageKey(), locale, e.args().toArray());
            assertThat(text).as(e.messageKey() + " in " + locale).doesNotStartWith("!").doesNotContain("{0}");
            e.args().forEach(a -> assertThat(text).contains(String.valueOf(a)));
        }
    }
}
