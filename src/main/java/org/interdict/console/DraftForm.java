package org.interdict.console;

import static org.interdict.console.FormChecks.local;
import static org.interdict.console.FormChecks.text;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.interdict.category.ReasonCategory;
import org.interdict.directive.DirectiveKind;
import org.interdict.directive.dto.AudienceInput;
import org.interdict.directive.dto.DirectiveCreate;
import org.interdict.directive.dto.DirectivePatch;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.directive.dto.TakedownInput;
import org.interdict.error.Violation;

/**
 * The draft form as typed, text, so that a refused form comes back as it was sent; and its reading into the API's
 * {@link DirectiveCreate} or {@link DirectivePatch}, checked by the same bean validation. Times are typed in the
 * console's time zone. {@code errors} maps a field (named as the API names it) to why it was refused.
 */
public record DraftForm(String legalReference, String title, String issuedOn, String kind, String category,
        String legalBasis, boolean allIsps, List<String> isps, String effectiveFrom, String expiresAt,
        String takedownHost, String takedownDeadline, String enforcementDeadlineMinutes, String implementing,
        String version, Map<String, String> errors) {

    public static DraftForm blank() {
        return new DraftForm("", "", "", DirectiveKind.BLOCK.name(), "", "", true, List.of(), "", "", "", "", "", "",
                "", Map.of());
    }

    public static DraftForm of(DirectiveView d, ZoneId zone) {
        return new DraftForm(d.legalReference(), d.title(), String.valueOf(d.issuedOn()), d.kind().name(),
                d.category().code(), d.legalBasis() == null ? "" : d.legalBasis(), d.audience().allIsps(),
                d.audience().isps() == null ? List.of() : d.audience().isps(), local(d.effectiveFrom(), zone),
                local(d.expiresAt(), zone), d.takedown() == null ? "" : d.takedown().host(),
                d.takedown() == null ? "" : local(d.takedown().deadline(), zone),
                d.enforcementDeadlineMinutes() == null ? "" : d.enforcementDeadlineMinutes().toString(),
                d.implementing() == null ? "" : Long.toString(d.implementing().id()), Integer.toString(d.version()),
                Map.of());
    }

    public static DraftForm read(MultivaluedMap<String, String> form) {
        return new DraftForm(text(form, "legalReference"), text(form, "title"), text(form, "issuedOn"),
                text(form, "kind"), text(form, "category"), text(form, "legalBasis"),
                !"listed".equals(text(form, "audience")), form.getOrDefault("isps", List.of()),
                text(form, "effectiveFrom"), text(form, "expiresAt"), text(form, "takedownHost"),
                text(form, "takedownDeadline"), text(form, "enforcementDeadlineMinutes"), text(form, "implements"),
                text(form, "version"), Map.of());
    }

    public boolean isTakedown() {
        return DirectiveKind.TAKEDOWN.name().equals(kind);
    }

    public boolean lists(String isp) {
        return isps.contains(isp);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public DraftForm withErrors(Map<String, String> refused) {
        Map<String, String> all = new LinkedHashMap<>(errors);
        refused.forEach(all::putIfAbsent);
        return new DraftForm(legalReference, title, issuedOn, kind, category, legalBasis, allIsps, isps, effectiveFrom,
                expiresAt, takedownHost, takedownDeadline, enforcementDeadlineMinutes, implementing, version, all);
    }

    /** The form's refusals by field, as the API's violations name them. */
    public DraftForm withViolations(List<Violation> violations) {
        Map<String, String> refused = new LinkedHashMap<>();
        violations.forEach(v -> refused.putIfAbsent(v.field() == null ? "" : v.field(), v.message()));
        return withErrors(refused);
    }

    /**
     * The request this form makes, or null when a field cannot be read or bean validation refuses one; the reasons
     * are then in {@link Reading#form()}.
     */
    public Reading<DirectiveCreate> toCreate(ZoneId zone, Validator validator, Locale locale, String unreadable) {
        Parser p = new Parser(zone, unreadable);
        DirectiveCreate create = new DirectiveCreate(legalReference, title, p.date("issuedOn", issuedOn),
                p.value("kind", kind, DirectiveKind::valueOf), p.value("category", category, ReasonCategory::fromCode),
                blankToNull(legalBasis), audience(), p.instant("effectiveFrom", effectiveFrom),
                p.instant("expiresAt", expiresAt), takedown(p), null,
                p.value("enforcementDeadlineMinutes", enforcementDeadlineMinutes, Integer::valueOf),
                p.value("implements", implementing, Long::valueOf), null);
        return checked(create, p, validator, locale);
    }

    /** The edit this form makes of a draft: every field as sent; an emptied expiry or relay is removed. */
    public Reading<DirectivePatch> toPatch(ZoneId zone, Validator validator, Locale locale, String unreadable) {
        Parser p = new Parser(zone, unreadable);
        Instant expiry = p.instant("expiresAt", expiresAt);
        Long parent = p.value("implements", implementing, Long::valueOf);
        DirectivePatch patch = new DirectivePatch(legalReference, title, p.date("issuedOn", issuedOn),
                p.value("category", category, ReasonCategory::fromCode), blankToNull(legalBasis), audience(),
                p.instant("effectiveFrom", effectiveFrom), expiry, expiry == null, takedown(p), null,
                p.value("enforcementDeadlineMinutes", enforcementDeadlineMinutes, Integer::valueOf), parent, null,
                parent == null);
        return checked(patch, p, validator, locale);
    }

    /** A request read from the form, or the form with its refusals. */
    public record Reading<T>(T request, DraftForm form) {}

    private <T> Reading<T> checked(T request, Parser p, Validator validator, Locale locale) {
        for (ConstraintViolation<T> v : validator.validate(request)) {
            p.errors.putIfAbsent(v.getPropertyPath().toString(), FormChecks.message(v, locale));
        }
        return p.errors.isEmpty() ? new Reading<>(request, this) : new Reading<>(null, withErrors(p.errors));
    }

    private AudienceInput audience() {
        return allIsps ? new AudienceInput(true, null) : new AudienceInput(false, isps);
    }

    private TakedownInput takedown(Parser p) {
        return isTakedown() ? new TakedownInput(takedownHost, p.instant("takedown.deadline", takedownDeadline)) : null;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Reads typed fields, noting those that cannot be read. */
    private static final class Parser {
        final Map<String, String> errors = new LinkedHashMap<>();
        final ZoneId zone;
        final String unreadable;

        Parser(ZoneId zone, String unreadable) {
            this.zone = zone;
            this.unreadable = unreadable;
        }

        <T> T value(String field, String text, Function<String, T> parse) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return parse.apply(text);
            } catch (RuntimeException e) {
                errors.put(field, unreadable);
                return null;
            }
        }

        LocalDate date(String field, String text) {
            return value(field, text, LocalDate::parse);
        }

        Instant instant(String field, String text) {
            return value(field, text, t -> {
                try {
                    return LocalDateTime.parse(t).atZone(zone).toInstant();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(e);
                }
            });
        }
    }
}
