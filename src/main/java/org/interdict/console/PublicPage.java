package org.interdict.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * What every public page shows around its content: no caller (nobody signs in), the language, and links that show
 * the same page in the other language through its {@code lang} parameter (the public side sets no cookie).
 * {@code query} is the page's query string without {@code lang}, already encoded.
 */
public record PublicPage(Locale locale, ZoneId zone, String path, String query) {

    public String lang() {
        return locale.getLanguage();
    }

    public String switchTo(String language) {
        return path + "?" + (query.isEmpty() ? "" : query + "&") + "lang=" + language;
    }

    /** A parameter value as it goes in a link. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@link #encode} for templates. */
    public String encoded(String value) {
        return encode(value);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    public String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant);
    }

    /** A date in the other language of the pair, for pages that show both. */
    public String dateIn(String language, LocalDate date) {
        return new PublicPage(Locale.forLanguageTag(language), zone, path, query).date(date);
    }

    public String timeIn(String language, Instant instant) {
        return new PublicPage(Locale.forLanguageTag(language), zone, path, query).time(instant);
    }
}
