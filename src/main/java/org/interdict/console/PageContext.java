package org.interdict.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.interdict.alert.dto.AlertPeriodView;
import org.interdict.security.Roles;
import org.interdict.security.dto.CallerView;

/**
 * What every page shows around its content: who is signed in (and for which authority or ISP, by name), in which
 * language, and the page's GET address the language switch returns to (for a page shown in answer to a POST, the
 * address of that page, not of the form's action). Dates and times are written for the language in the
 * console's time zone, whatever the browser's. {@code csrfToken} is the token every form carries (null on a page shown
 * for a request refused before the CSRF filter ran, which has no forms). {@code alerts} are the alert periods in force
 * that concern the caller, shown on every page.
 */
public record PageContext(CallerView caller, String actingFor, Locale locale, ZoneId zone, String path,
        String csrfToken, List<AlertPeriodView> alerts) {

    public PageContext {
        alerts = List.copyOf(alerts);
    }

    public String lang() {
        return locale.getLanguage();
    }

    /** The language switch's link: to {@code language}, back to this page. */
    public String switchTo(String language) {
        return "/console/language?lang=" + language + "&back=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    public String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** False for a visitor of a page open to everyone (the public transparency report) who has not signed in. */
    public boolean signedIn() {
        return caller.subject() != null && !caller.subject().isBlank();
    }

    public boolean officer() {
        return caller.roles().contains(Roles.OFFICER);
    }

    public boolean supervisor() {
        return caller.roles().contains(Roles.SUPERVISOR);
    }

    /** Those who may read directives, as GET /api/v1/directives allows. */
    public boolean readsDirectives() {
        return caller.roles().stream().anyMatch(role -> role.equals(Roles.OFFICER) || role.equals(Roles.SUPERVISOR)
                || role.equals(Roles.AUDITOR) || role.equals(Roles.ADMIN) || role.equals(Roles.ISP_ENGINEER));
    }

    /** ISP engineers and agency people: those who receive advisories and alert periods and report incidents. */
    public boolean recipient() {
        return caller.roles().contains(Roles.ISP_ENGINEER) || caller.roles().contains(Roles.AGENCY);
    }

    /** Officers and supervisors, who act for an authority: draft, triage, declare. */
    public boolean authorityPerson() {
        return officer() || supervisor();
    }

    /** Those who see every recipient's records: the authorities' people, auditors and administrators. */
    public boolean overseesRecipients() {
        return authorityPerson() || audits();
    }

    /** Those who may read the audit log and the transparency report. */
    public boolean audits() {
        return caller.roles().contains(Roles.AUDITOR) || caller.roles().contains(Roles.ADMIN);
    }
}
