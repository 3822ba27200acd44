package org.interdict.console;

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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.agency.AgencyService;
import org.interdict.agency.dto.AgencyView;
import org.interdict.alert.AlertPeriodService;
import org.interdict.alert.dto.AlertPeriodCancellation;
import org.interdict.alert.dto.AlertPeriodView;
import org.interdict.alert.dto.SituationReportInput;
import org.interdict.alert.dto.SituationReportView;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;
import org.interdict.isp.IspService;
import org.interdict.isp.dto.IspView;
import org.interdict.security.RecipientScope;
import org.interdict.security.Roles;

/**
 * Heightened-alert periods in the console, through the same {@link AlertPeriodService} as the API: the authorities'
 * officers and supervisors declare one, and the declaring authority's people edit or cancel it while it lasts;
 * everyone sees those that concern them; recipients send the daily situation report ("no incident" is one) and see
 * their own days; the authorities' people, auditors and administrators see who has reported today and who missed a
 * day.
 */
@Path("/console/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertPages {

    static final List<String> LEVELS = List.of("elevated", "high", "highest");

    /** The situation report form as typed. */
    public record SituationForm(boolean noIncident, String summary) {

        static final SituationForm BLANK = new SituationForm(true, "");
    }

    /** The cancellation form as typed, with why its reason was refused. */
    public record CancelForm(String reason, String error) {

        static final CancelForm BLANK = new CancelForm("", null);
    }

    /**
     * What the period page shows of situation reports: to the authorities' people, auditors and administrators,
     * today's reports and the days missed, every recipient's; to a recipient, its own days.
     */
    public record Reports(List<SituationReportView> today, List<SituationReportView> missed,
            List<SituationReportView> own) {

        /** The caller's own report of {@code day} once sent (the form is not shown again), else null. */
        public SituationReportView ownSent(LocalDate day) {
            return own.stream().filter(r -> r.day().equals(day) && r.reportedAt() != null).findFirst().orElse(null);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext page, List<AlertPeriodView> periods);

        static native TemplateInstance declare(PageContext page, AlertPeriodView editing, AlertForm form,
                List<String> levels, List<IspView> isps, List<AgencyView> agencies, Problem refusal);

        static native TemplateInstance period(PageContext page, AlertPeriodView period, LocalDate today,
                Reports reports, boolean changeable, SituationForm situationForm, CancelForm cancelForm, String done,
                Problem refusal);
    }

    private final Visit visit;
    private final AlertPeriodService periods;
    private final IspService isps;
    private final AgencyService agencies;
    private final Validator validator;
    private final Clock clock;

    public AlertPages(Visit visit, AlertPeriodService periods, IspService isps, AgencyService agencies,
            Validator validator, Clock clock) {
        this.visit = visit;
        this.periods = periods;
        this.isps = isps;
        this.agencies = agencies;
        this.validator = validator;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(hidden = true)
    public TemplateInstance list() {
        return visit.localized(Templates.list(visit.context(), periods.list(visit.actor())));
    }

    @GET
    @Path("/new")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public TemplateInstance declareForm() {
        return formPage(null, AlertForm.BLANK, null);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public Response declare(MultivaluedMap<String, String> body) {
        AlertForm.Reading reading = AlertForm.read(body).read(null, visit.context().zone(), validator,
                visit.locale(), unreadable());
        if (reading.input() == null) {
            return refusedForm(null, reading.form(), null, 400);
        }
        try {
            AlertPeriodView declared = periods.declare(reading.input(), visit.actor());
            return Response.seeOther(URI.create("/console/alerts/" + declared.id() + "?done=declared")).build();
        } catch (ProblemException e) {
            return refusedForm(null, reading.form().withViolations(e.violations()), e.toProblem(),
                    e.category().status());
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(hidden = true)
    public TemplateInstance period(@PathParam("id") long id, @QueryParam("done") String done) {
        return periodPage(id, SituationForm.BLANK, CancelForm.BLANK, done, null);
    }

    /** The declaration form filled with what the period says now, for its authority's people while it lasts. */
    @GET
    @Path("/{id}/edit")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public TemplateInstance editForm(@PathParam("id") long id) {
        AlertPeriodView period = periods.forChange(id, visit.actor());
        return formPage(period, AlertForm.of(period, visit.context().zone()), null);
    }

    @POST
    @Path("/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public Response edit(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        AlertPeriodView period = periods.get(id, visit.actor());
        AlertForm typed = AlertForm.read(body);
        AlertForm.Reading reading = typed.read(period, visit.context().zone(), validator, visit.locale(),
                unreadable());
        if (reading.input() == null) {
            return refusedForm(period, reading.form(), null, 400);
        }
        try {
            periods.edit(id, reading.input(), typed.expectedVersion(), visit.actor());
            return Response.seeOther(URI.create("/console/alerts/" + id + "?done=edited")).build();
        } catch (ProblemException e) {
            return refusedForm(period, reading.form().withViolations(e.violations()), e.toProblem(),
                    e.category().status());
        }
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public Response cancel(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        String reason = FormChecks.blank(form.getFirst("reason"));
        return FormChecks.afterChange(() -> {
            periods.cancel(id, FormChecks.valid(validator, new AlertPeriodCancellation(reason), visit.locale()),
                    FormChecks.read("version", form.getFirst("version"), Integer::valueOf), visit.actor());
            return "/console/alerts/" + id + "?done=cancelled";
        }, refusal -> {
            visit.showing("/console/alerts/" + id);
            String error = refusal.violations() == null ? null : refusal.violations().stream()
                    .filter(v -> "reason".equals(v.field())).map(Violation::message).findFirst().orElse(null);
            return periodPage(id, SituationForm.BLANK, new CancelForm(reason, error), null, refusal);
        });
    }

    @POST
    @Path("/{id}/situation-report")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(hidden = true)
    public Response reportSituation(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        SituationForm typed = new SituationForm(form.containsKey("noIncident"),
                form.getFirst("summary") == null ? "" : form.getFirst("summary").strip());
        return FormChecks.afterChange(() -> {
            periods.reportSituation(id, RecipientScope.own(visit.actor())
                    .orElseThrow(() -> ProblemException.notFound("Alert period", id)), FormChecks.valid(validator,
                    new SituationReportInput(null, typed.noIncident(), DraftForm.blankToNull(typed.summary())),
                    visit.locale()), visit.actor());
            return "/console/alerts/" + id + "?done=situation-reported";
        }, refusal -> {
            visit.showing("/console/alerts/" + id);
            return periodPage(id, typed, CancelForm.BLANK, null, refusal);
        });
    }

    private TemplateInstance periodPage(long id, SituationForm situationForm, CancelForm cancelForm, String done,
            Problem refusal) {
        var actor = visit.actor();
        PageContext page = visit.context();
        AlertPeriodView period = periods.get(id, actor);
        LocalDate today = LocalDate.ofInstant(clock.instant(), page.zone());
        // The service gives each caller the days it may see: every recipient's, or the caller's own.
        List<SituationReportView> days = periods.situationReports(id, actor);
        Reports reports = RecipientScope.readsEveryRecipient(actor)
                ? new Reports(days.stream().filter(d -> d.day().equals(today)).toList(),
                        days.stream().filter(d -> d.state().equals("missed")).toList(), List.of())
                : new Reports(List.of(), List.of(), days);
        boolean changeable = page.authorityPerson() && periods.mayChange(period, actor);
        return visit.localized(Templates.period(page, period, today, reports, changeable, situationForm, cancelForm,
                done, refusal));
    }

    private TemplateInstance formPage(AlertPeriodView editing, AlertForm form, Problem refusal) {
        return visit.localized(Templates.declare(visit.context(), editing, form, LEVELS, isps.list(visit.actor()),
                agencies.list(visit.actor()), refusal));
    }

    private Response refusedForm(AlertPeriodView editing, AlertForm form, Problem refusal, int status) {
        visit.showing(editing == null ? "/console/alerts/new" : "/console/alerts/" + editing.id() + "/edit");
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(formPage(editing, form, refusal))
                .build();
    }

    /** What a field that cannot be read as a time or a number says, in the visitor's language. */
    private String unreadable() {
        return MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(visit.locale().toLanguageTag()))
                .invalidValue();
    }
}
