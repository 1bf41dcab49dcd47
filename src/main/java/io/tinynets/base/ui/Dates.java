package io.tinynets.base.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The one way every page writes a moment: medium date and short time in the user's language ("Dec 2, 2026, 6:59 PM",
 * "2026. 12. 2. 오후 6:59"), in the server's time zone (the school's). Lists, details and the gallery agree, so a
 * student comparing two pages never reads two formats.
 */
public final class Dates {

    private Dates() {
    }

    public static String dateTime(Instant t, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale == null ? Locale.ENGLISH : locale).withZone(ZoneId.systemDefault()).format(t);
    }
}
