package org.interdict.console;

import static org.interdict.console.FormChecks.local;
import static org.interdict.console.FormChecks.text;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;
import org.interdict.incident.IncidentService;
import org.interdict.incident.dto.IncidentReport;
import org.interdict.incident.dto.IncidentUpdate;
import org.interdict.incident.dto.IncidentView;
import org.interdict.security.RecipientScope;
import org.interdict.security.Roles;

/**
 * Incidents in the console, through the same {@link IncidentService} as the API: a recipient (ISP engineer, agency
 * person) reports one, with its indicators read by the target parser (refused lines come back in a table, the text as
 * sent), adds updates and closes it; the authorities' people triage every incident (new, acknowledged, in progress,
 * closed) and an officer turns its indicators into a block directive draft in one step.
 */
@Path("/console/incidents")
@Produces(MediaType.TEXT_HTML)
public class IncidentPages {

    static final List<String> TYPES = List.of("ddos", "intrusion", "malware", "phishing", "defacement", "data-leak",
            "other");
    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
    static final List<String> TRIAGE = List.of("new", "acknowledged", "in-progress", "closed");

    /** The report form as typed; {@code errors} maps a field to why it was refused. */
    public record ReportForm(String type, String severity, String detectedAt, String affectedSystems,
            String indicators, String actionsTaken, Map<String, String> errors) {

        static ReportForm blank(ZoneId zone, Instant now) {
            return new ReportForm("ddos", "high", local(now, zone), "", "", "", Map.of());
        }

        static ReportForm read(MultivaluedMap<String, String> form) {
            return new ReportForm(text(form, "type"), text(form, "severity"), text(form, "detectedAt"),
                    text(form, "affectedSystems"), raw(form, "indicators"), text(form, "actionsTaken"), Map.of());
        }

        public String error(String field) {
            return errors.get(field);
        }

        ReportForm withErrors(Map<String, String> refused) {
            Map<String, String> all = new LinkedHashMap<>(errors);
            refused.forEach(all::putIfAbsent);
            return new ReportForm(type, severity, detectedAt, affectedSystems, indicators, actionsTaken,
                    Map.copyOf(all));
        }
    }

    /** An indicator line the parser refused. */
    public record RefusedLine(int line, String input, String code, String message, String hint) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext page, List<IncidentView> incidents, String triage,
                List<String> triageStates);

        static native TemplateInstance report(PageContext page, ReportForm form, List<String> types,
                List<String> severities, List<RefusedLine> refused, Integer totalRefused, Problem refusal);

        static native TemplateInstance incident(PageContext page, IncidentView incident, List<String> triageStates,
                String done, Problem refusal);
    }

    private final Visit visit;
    private final IncidentService incidents;
    private final Validator validator;
    private final Clock clock;

    public IncidentPages(Visit visit, IncidentService incidents, Validator validator, Clock clock) {
        this.visit = visit;
        this.incidents = incidents;
        this.validator = validator;
        this.clock = clock;
    }

    /** A recipient's own incidents; for the authorities' people, every incident, filtered by triage state. */
    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("triage") String triage) {
        String state = triage == null || !TRIAGE.contains(triage) ? null : triage;
        List<IncidentView> found = incidents.list(visit.actor()).stream()
                .filter(i -> state == null || i.triage().equals(state)).toList();
        return visit.localized(Templates.list(visit.context(), found, state, TRIAGE));
    }

    @GET
    @Path("/new")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(hidden = true)
    public TemplateInstance newReport() {
        return reportPage(ReportForm.blank(visit.context().zone(), clock.instant()), List.of(), null, null);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(hidden = true)
    public Response report(MultivaluedMap<String, String> body) {
        ReportForm typed = ReportForm.read(body);
        visit.showing("/console/incidents/new");
        Map<String, String> unreadable = new LinkedHashMap<>();
        Instant detectedAt = null;
        if (!typed.detectedAt().isBlank()) {
            try {
                detectedAt = LocalDateTime.parse(typed.detectedAt()).atZone(visit.context().zone()).toInstant();
            } catch (DateTimeParseException e) {
                unreadable.put("detectedAt", words().invalidValue());
            }
        }
        IncidentReport request = new IncidentReport(typed.type(), typed.severity(), detectedAt,
                typed.affectedSystems(), typed.indicators(), typed.actionsTaken());
        validator.validate(request).forEach(v -> unreadable.putIfAbsent(v.getPropertyPath().toString(),
                FormChecks.message(v, visit.locale())));
        if (!unreadable.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(reportPage(typed.withErrors(unreadable), List.of(), null, null)).build();
        }
        try {
            IncidentView reported = incidents.report(RecipientScope.own(visit.actor())
                    .orElseThrow(() -> ProblemException.notFound("Recipient", visit.actor().subject())), request,
                    visit.actor());
            return Response.seeOther(URI.create("/console/incidents/" + reported.id() + "?done=reported")).build();
        } catch (ProblemException e) {
            List<RefusedLine> lines = e.violations().stream().filter(v -> v.line() != null)
                    .map(v -> new RefusedLine(v.line(), v.input(), v.code(), v.message(), v.hint())).toList();
            Map<String, String> fields = new LinkedHashMap<>();
            for (Violation v : e.violations()) {
                if (v.field() != null) {
                    fields.putIfAbsent(v.field(), v.message());
                }
            }
            Integer total = e.toProblem().totalViolations();
            return FormChecks.refused(e, reportPage(typed.withErrors(fields), lines,
                    lines.isEmpty() ? null : total == null ? lines.size() : total, e.toProblem()));
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(hidden = true)
    public TemplateInstance incident(@PathParam("id") long id, @QueryParam("done") String done) {
        return incidentPage(id, done, null);
    }

    @POST
    @Path("/{id}/updates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(hidden = true)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, "updated", () -> incidents.updateAsReporter(id, RecipientScope.own(visit.actor())
                .orElseThrow(() -> ProblemException.notFound("Incident", id)), FormChecks.valid(validator,
                new IncidentUpdate(form.containsKey("close") ? "closed" : null, DraftForm.blankToNull(
                        form.getFirst("note"))), visit.locale()), visit.actor()));
    }

    @POST
    @Path("/{id}/triage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public Response triage(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, "triaged", () -> incidents.triage(id, FormChecks.valid(validator, new IncidentUpdate(
                DraftForm.blankToNull(form.getFirst("triage")), DraftForm.blankToNull(form.getFirst("note"))),
                visit.locale()), visit.actor()));
    }

    /** The block directive draft made from the incident's indicators; the officer continues on the draft's page. */
    @POST
    @Path("/{id}/directive-draft")
    @RolesAllowed(Roles.OFFICER)
    @Operation(hidden = true)
    public Response draftDirective(@PathParam("id") long id) {
        return FormChecks.afterChange(() -> {
            DirectiveView draft = incidents.draftDirective(id, visit.actor());
            return "/console/directives/" + draft.id() + "?done=saved";
        }, refusal -> {
            visit.showing("/console/incidents/" + id);
            return incidentPage(id, null, refusal);
        });
    }

    private Response step(long id, String done, Runnable change) {
        return FormChecks.afterChange(() -> {
            change.run();
            return "/console/incidents/" + id + "?done=" + done;
        }, refusal -> {
            visit.showing("/console/incidents/" + id);
            return incidentPage(id, null, refusal);
        });
    }

    private TemplateInstance incidentPage(long id, String done, Problem refusal) {
        return visit.localized(Templates.incident(visit.context(), incidents.get(id, visit.actor()), TRIAGE, done,
                refusal));
    }

    private TemplateInstance reportPage(ReportForm form, List<RefusedLine> refused, Integer totalRefused,
            Problem refusal) {
        return visit.localized(Templates.report(visit.context(), form, TYPES, SEVERITIES, refused, totalRefused,
                refusal));
    }

    private ConsoleMessages words() {
        return MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(visit.locale().toLanguageTag()));
    }

    /** A textarea as sent, its line numbers kept for the refused lines' table. */
    private static String raw(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value;
    }
}
