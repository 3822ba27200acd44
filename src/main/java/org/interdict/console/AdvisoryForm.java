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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interdict.advisory.dto.AdvisoryInput;
import org.interdict.advisory.dto.AdvisoryView;
import org.interdict.error.Violation;

/**
 * The advisory form as typed, text, so that a refused form comes back as it was sent; and its reading into the API's
 * {@link AdvisoryInput}, checked by the same bean validation. CVE identifiers are typed separated by spaces, commas or
 * lines; affected products one a line as {@code product; versions}; references one a line; the deadline in the
 * console's time zone. {@code errors} maps a field (named as the API names it, without list positions) to why it was
 * refused; for {@code cves}, the identifiers refused.
 */
public record AdvisoryForm(String title, String severity, String cves, String affected, String description,
        String recommendedActions, String references, String remediationDeadline, boolean allIsps,
        boolean allAgencies, List<String> isps, List<String> agencies, String version, Map<String, String> errors) {

    public static AdvisoryForm blank() {
        return new AdvisoryForm("", "high", "", "", "", "", "", "", false, false, List.of(), List.of(), "", Map.of());
    }

    public static AdvisoryForm of(AdvisoryView a, ZoneId zone) {
        String affected = String.join("\n", a.affected().stream()
                .map(p -> p.versions() == null ? p.product() : p.product() + "; " + p.versions()).toList());
        return new AdvisoryForm(a.title(), a.severity(), String.join(" ", a.cves()), affected, a.description(),
                a.recommendedActions(), String.join("\n", a.references()), local(a.remediationDeadline(), zone),
                a.audience().allIsps(), a.audience().allAgencies(),
                a.audience().isps() == null ? List.of() : a.audience().isps(),
                a.audience().agencies() == null ? List.of() : a.audience().agencies(), Integer.toString(a.version()),
                Map.of());
    }

    public static AdvisoryForm read(MultivaluedMap<String, String> form) {
        return new AdvisoryForm(text(form, "title"), text(form, "severity"), text(form, "cves"),
                text(form, "affected"), text(form, "description"), text(form, "recommendedActions"),
                text(form, "references"), text(form, "remediationDeadline"), form.containsKey("allIsps"),
                form.containsKey("allAgencies"), form.getOrDefault("isp", List.of()),
                form.getOrDefault("agency", List.of()), text(form, "version"), Map.of());
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

    /** The version the form was read at, for the service's check that nobody changed it meanwhile. */
    public Integer expectedVersion() {
        return FormChecks.version(version);
    }

    /** The form with the service's refusals by field, as its violations name them. */
    public AdvisoryForm withViolations(List<Violation> violations) {
        Map<String, String> refused = new LinkedHashMap<>(errors);
        violations.forEach(v -> refused.putIfAbsent(v.field() == null ? "" : v.field(), v.message()));
        return withErrors(refused);
    }

    /** The request this form makes, or a form with its refusals when a field cannot be read or validation refuses. */
    public Reading read(ZoneId zone, Validator validator, Locale locale, String unreadable) {
        Map<String, String> refused = new LinkedHashMap<>();
        Instant deadline = null;
        if (!remediationDeadline.isBlank()) {
            try {
                deadline = LocalDateTime.parse(remediationDeadline).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                refused.put("remediationDeadline", unreadable);
            }
        }
        AdvisoryInput input = new AdvisoryInput(title, severity,
                Arrays.stream(cves.split("[\\s,;]+")).filter(c -> !c.isEmpty()).toList(),
                FormChecks.lines(affected).stream().map(AdvisoryForm::product).toList(), description, recommendedActions,
                FormChecks.lines(references), deadline, new AdvisoryInput.Audience(allIsps, allAgencies, isps, agencies));
        for (ConstraintViolation<AdvisoryInput> v : validator.validate(input)) {
            String field = FormChecks.fieldOf(v.getPropertyPath().toString());
            if (field.equals("cves")) {
                refused.merge(field, String.valueOf(v.getInvalidValue()), (a, b) -> a + ", " + b);
            } else {
                refused.putIfAbsent(field, FormChecks.message(v, locale));
            }
        }
        return refused.isEmpty() ? new Reading(input, this) : new Reading(null, withErrors(refused));
    }

    /** A request read from the form, or the form with its refusals. */
    public record Reading(AdvisoryInput input, AdvisoryForm form) {}

    private AdvisoryForm withErrors(Map<String, String> refused) {
        return new AdvisoryForm(title, severity, cves, affected, description, recommendedActions, references,
                remediationDeadline, allIsps, allAgencies, isps, agencies, version, Map.copyOf(refused));
    }

    private static AdvisoryInput.AffectedProduct product(String line) {
        int semicolon = line.indexOf(';');
        if (semicolon < 0) {
            return new AdvisoryInput.AffectedProduct(line, null);
        }
        String versions = line.substring(semicolon + 1).strip();
        return new AdvisoryInput.AffectedProduct(line.substring(0, semicolon).strip(),
                versions.isEmpty() ? null : versions);
    }
}
