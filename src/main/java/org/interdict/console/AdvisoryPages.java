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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.advisory.AdvisoryService;
import org.interdict.advisory.dto.AdvisoryView;
import org.interdict.advisory.dto.StatusReport;
import org.interdict.advisory.dto.TrackingView;
import org.interdict.advisory.dto.Withdrawal;
import org.interdict.agency.AgencyService;
import org.interdict.agency.dto.AgencyView;
import org.interdict.error.ErrorCategory;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.isp.IspService;
import org.interdict.isp.dto.IspView;
import org.interdict.security.RecipientScope;
import org.interdict.security.RecipientScope.Recipient;
import org.interdict.security.Roles;

/**
 * Security advisories in the console, through the same {@link AdvisoryService} as the API: an officer drafts and
 * edits; a supervisor of the authority publishes (four-eyes) and revises; the authority's people withdraw; recipients
 * (ISP engineers, agency people) read what is addressed to them, acknowledge it and report their remediation status;
 * the authority follows who has acknowledged, patched, is late or silent, as a table, a chart and the CSV.
 */
@Path("/console/advisories")
@Produces(MediaType.TEXT_HTML)
public class AdvisoryPages {

    /** What a recipient may report, in the order remediation goes. */
    static final List<String> REMEDIATION_STATUSES = List.of("not-affected", "investigating", "mitigated", "patched");

    /** The remediation status form as typed. */
    public record StatusForm(String status, String note) {

        static final StatusForm BLANK = new StatusForm("", "");
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext page, List<AdvisoryView> advisories);

        static native TemplateInstance form(PageContext page, AdvisoryView editing, AdvisoryForm form,
                List<IspView> isps, List<AgencyView> agencies, Problem refusal);

        static native TemplateInstance advisory(PageContext page, AdvisoryView advisory, List<String> statuses,
                StatusForm statusForm, String done, Problem refusal);

        static native TemplateInstance tracking(PageContext page, AdvisoryView advisory, TrackingView tracking,
                BarChart chart);
    }

    private final Visit visit;
    private final AdvisoryService advisories;
    private final IspService isps;
    private final AgencyService agencies;
    private final Validator validator;

    public AdvisoryPages(Visit visit, AdvisoryService advisories, IspService isps, AgencyService agencies,
            Validator validator) {
        this.visit = visit;
        this.advisories = advisories;
        this.isps = isps;
        this.agencies = agencies;
        this.validator = validator;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(hidden = true)
    public TemplateInstance list() {
        return visit.localized(Templates.list(visit.context(), advisories.list(visit.actor())));
    }

    @GET
    @Path("/new")
    @RolesAllowed(Roles.OFFICER)
    @Operation(hidden = true)
    public TemplateInstance newAdvisory() {
        return formPage(null, AdvisoryForm.blank(), null);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.OFFICER)
    @Operation(hidden = true)
    public Response draft(MultivaluedMap<String, String> body) {
        AdvisoryForm.Reading reading = AdvisoryForm.read(body).read(visit.context().zone(), validator,
                visit.locale(), words().invalidValue());
        if (reading.input() == null) {
            return refusedForm(null, reading.form(), null, 400);
        }
        try {
            AdvisoryView created = advisories.draft(reading.input(), visit.actor());
            return Response.seeOther(URI.create("/console/advisories/" + created.id() + "?done=drafted")).build();
        } catch (ProblemException e) {
            return refusedForm(null, reading.form().withViolations(e.violations()), e.toProblem(),
                    e.category().status());
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(hidden = true)
    public TemplateInstance advisory(@PathParam("id") long id, @QueryParam("done") String done) {
        return advisoryPage(id, StatusForm.BLANK, done, null);
    }

    /** A draft's form for its authority's officers and supervisors; a published advisory's, for a revision. */
    @GET
    @Path("/{id}/edit")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public TemplateInstance edit(@PathParam("id") long id) {
        AdvisoryView a = advisories.get(id, visit.actor());
        if (!a.authority().equals(visit.actor().authority())) {
            // The service refuses another authority's people when they save; the form is not offered to them.
            throw new ProblemException(ErrorCategory.FORBIDDEN, "other-authority", "Forbidden",
                    "Advisory " + id + " was issued by " + a.authority() + "; only its people may change it");
        }
        return formPage(a, AdvisoryForm.of(a, visit.context().zone()), null);
    }

    /** Saves a draft's content, or revises a published advisory: the service decides by its state, as the API's. */
    @POST
    @Path("/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public Response save(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        AdvisoryView a = advisories.get(id, visit.actor());
        AdvisoryForm typed = AdvisoryForm.read(body);
        AdvisoryForm.Reading reading = typed.read(visit.context().zone(), validator, visit.locale(),
                words().invalidValue());
        if (reading.input() == null) {
            return refusedForm(a, reading.form(), null, 400);
        }
        try {
            boolean revision = !a.status().equals("DRAFT");
            if (revision) {
                if (!visit.actor().has(Roles.SUPERVISOR)) {
                    throw new ProblemException(ErrorCategory.FORBIDDEN, "forbidden", "Forbidden",
                            "Only a supervisor of its authority revises a published advisory");
                }
                advisories.revise(id, reading.input(), typed.expectedVersion(), visit.actor());
            } else {
                advisories.edit(id, reading.input(), typed.expectedVersion(), visit.actor());
            }
            return Response.seeOther(URI.create("/console/advisories/" + id + "?done="
                    + (revision ? "revised" : "saved"))).build();
        } catch (ProblemException e) {
            return refusedForm(a, reading.form().withViolations(e.violations()), e.toProblem(),
                    e.category().status());
        }
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(hidden = true)
    public Response publish(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, "published", () -> advisories.publish(id,
                FormChecks.read("version", form.getFirst("version"), Integer::valueOf), visit.actor()));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public Response withdraw(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, "withdrawn", () -> advisories.withdraw(id, FormChecks.valid(validator,
                new Withdrawal(form.getFirst("reason")), visit.locale()), visit.actor()));
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(hidden = true)
    public Response acknowledge(@PathParam("id") long id) {
        return step(id, "acknowledged", () -> advisories.acknowledge(id, own(id), visit.actor()));
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(hidden = true)
    public Response reportStatus(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        StatusForm typed = new StatusForm(text(form.getFirst("status")), text(form.getFirst("note")));
        return FormChecks.afterChange(() -> {
            advisories.reportStatus(id, own(id), FormChecks.valid(validator, new StatusReport(
                    typed.status().isEmpty() ? null : typed.status(), typed.note(), null), visit.locale()),
                    visit.actor());
            return "/console/advisories/" + id + "?done=status-reported";
        }, refusal -> {
            visit.showing("/console/advisories/" + id);
            return advisoryPage(id, typed, null, refusal);
        });
    }

    @GET
    @Path("/{id}/tracking")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance tracking(@PathParam("id") long id) {
        TrackingView tracking = advisories.tracking(id, visit.actor());
        AdvisoryMessages words = MessageBundles.get(AdvisoryMessages.class,
                Localized.Literal.of(visit.locale().toLanguageTag()));
        Map<String, Long> bars = new LinkedHashMap<>();
        tracking.counts().forEach((standing, count) -> bars.put(words.standing(standing), count.longValue()));
        return visit.localized(Templates.tracking(visit.context(), advisories.get(id, visit.actor()), tracking,
                BarChart.of("standing", bars)));
    }

    /** The tracking table as CSV, exactly as GET /api/v1/advisories/{id}/tracking.csv gives it. */
    @GET
    @Path("/{id}/tracking.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(hidden = true)
    public Response trackingCsv(@PathParam("id") long id) {
        return Response.ok(advisories.trackingCsv(id, visit.actor()), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"advisory-" + id + "-tracking.csv\"").build();
    }

    /** The caller's own recipient; a caller who acts for none is told the advisory is not found, as the API does. */
    private Recipient own(long id) {
        return RecipientScope.own(visit.actor()).orElseThrow(() -> ProblemException.notFound("Advisory", id));
    }

    private Response step(long id, String done, Runnable change) {
        return FormChecks.afterChange(() -> {
            change.run();
            return "/console/advisories/" + id + "?done=" + done;
        }, refusal -> {
            visit.showing("/console/advisories/" + id);
            return advisoryPage(id, StatusForm.BLANK, null, refusal);
        });
    }

    private TemplateInstance advisoryPage(long id, StatusForm statusForm, String done, Problem refusal) {
        return visit.localized(Templates.advisory(visit.context(), advisories.get(id, visit.actor()),
                REMEDIATION_STATUSES, statusForm, done, refusal));
    }

    private TemplateInstance formPage(AdvisoryView editing, AdvisoryForm form, Problem refusal) {
        return visit.localized(Templates.form(visit.context(), editing, form, isps.list(visit.actor()),
                agencies.list(visit.actor()), refusal));
    }

    private Response refusedForm(AdvisoryView editing, AdvisoryForm form, Problem refusal, int status) {
        visit.showing(editing == null ? "/console/advisories/new" : "/console/advisories/" + editing.id() + "/edit");
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(formPage(editing, form, refusal))
                .build();
    }

    private ConsoleMessages words() {
        return MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(visit.locale().toLanguageTag()));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
