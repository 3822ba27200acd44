package org.interdict.console;

import static org.interdict.console.FormChecks.local;
import static org.interdict.console.FormChecks.text;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interdict.alert.dto.AlertPeriodInput;
import org.interdict.alert.dto.AlertPeriodView;
import org.interdict.error.Violation;

/**
 * The alert period form as typed, text, so that a refused form comes back as it was sent; and its reading into the
 * API's {@link AlertPeriodInput}, checked by the same bean validation. Times are typed to the minute in the console's
 * time zone. {@code version} is the version an edit was read at (blank when declaring); {@code errors} maps a field
 * (named as the API names it, without list positions) to why it was refused.
 */
public record AlertForm(String name, String from, String to, String level, boolean allIsps, boolean allAgencies,
        List<String> isps, List<String> agencies, String enforcementDeadlineMinutes, String applianceSilenceMinutes,
        String version, Map<String, String> errors) {

    static final AlertForm BLANK = new AlertForm("", "", "", "high", true, false, List.of(), List.of(), "", "", "",
            Map.of());

    /** The form of an edit: what the period says now, its times in {@code zone}. */
    static AlertForm of(AlertPeriodView period, ZoneId zone) {
        return new AlertForm(period.name(), local(period.from(), zone), local(period.to(), zone), period.level(),
                period.audience().everyIsp(), period.audience().everyAgency(), period.audience().listedIsps(),
                period.audience().listedAgencies(), number(period.enforcementDeadlineMinutes()),
                number(period.applianceSilenceMinutes()), Integer.toString(period.version()), Map.of());
    }

    static AlertForm read(MultivaluedMap<String, String> form) {
        return new AlertForm(text(form, "name"), text(form, "from"), text(form, "to"), text(form, "level"),
                form.containsKey("allIsps"), form.containsKey("allAgencies"), form.getOrDefault("isp", List.of()),
                form.getOrDefault("agency", List.of()), text(form, "enforcementDeadlineMinutes"),
                text(form, "applianceSilenceMinutes"), text(form, "version"), Map.of());
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean listsIsp(String isp) {
        return isps.contains(isp);
    }

    public boolean listsAgency(String agency) {
        return agencies.contains(agency);
    }

    /** The version the form was read at, for the service's check that nobody changed the period meanwhile. */
    Integer expectedVersion() {
        return FormChecks.version(version);
    }

    /** The form with the service's refusals by field, as its violations name them. */
    AlertForm withViolations(List<Violation> violations) {
        Map<String, String> refused = new LinkedHashMap<>(errors);
        violations.stream().filter(v -> v.field() != null).forEach(v -> refused.putIfAbsent(v.field(), v.message()));
        return withErrors(refused);
    }

    /**
     * The request this form makes, or the form with its refusals when a field cannot be read or validation refuses.
     * {@code editing} is the period the form was filled from (null when declaring): a time left as the form showed it,
     * to the minute, keeps the period's own to the second, so that an edit does not move the start of a period that
     * has started (which the service refuses) nor its end.
     */
    Reading read(AlertPeriodView editing, ZoneId zone, Validator validator, Locale locale, String unreadable) {
        Map<String, String> refused = new LinkedHashMap<>();
        Instant start = instant("from", from, editing == null ? null : editing.from(), zone, unreadable, refused);
        Instant end = instant("to", to, editing == null ? null : editing.to(), zone, unreadable, refused);
        Integer deadline = minutes("enforcementDeadlineMinutes", enforcementDeadlineMinutes, unreadable, refused);
        Integer silence = minutes("applianceSilenceMinutes", applianceSilenceMinutes, unreadable, refused);
        AlertPeriodInput input = new AlertPeriodInput(name, start, end, level,
                new AlertPeriodInput.Audience(allIsps, allAgencies, isps, agencies), deadline, silence);
        for (ConstraintViolation<AlertPeriodInput> v : validator.validate(input)) {
            refused.putIfAbsent(FormChecks.fieldOf(v.getPropertyPath().toString()), FormChecks.message(v, locale));
        }
        return refused.isEmpty() ? new Reading(input, this) : new Reading(null, withErrors(refused));
    }

    /** A request read from the form, or the form with its refusals. */
    record Reading(AlertPeriodInput input, AlertForm form) {}

    private AlertForm withErrors(Map<String, String> refused) {
        return new AlertForm(name, from, to, level, allIsps, allAgencies, isps, agencies, enforcementDeadlineMinutes,
                applianceSilenceMinutes, version, Map.copyOf(refused));
    }

    private static Instant instant(String field, String text, Instant shown, ZoneId zone, String unreadable,
            Map<String, String> refused) {
        if (text.isBlank()) {
            return null;
        }
        if (shown != null && text.equals(local(shown, zone))) {
            return shown;
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            refused.put(field, unreadable);
            return null;
        }
    }

    private static Integer minutes(String field, String text, String unreadable, Map<String, String> refused) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            refused.put(field, unreadable);
            return null;
        }
    }

    private static String number(Integer value) {
        return value == null ? "" : value.toString();
    }
}
