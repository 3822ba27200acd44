package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.category.ReasonCategory;
import org.interdict.directive.DirectiveKind;
import org.interdict.directive.DirectiveLifecycle;
import org.interdict.directive.DirectiveListing;
import org.interdict.directive.DirectiveService;
import org.interdict.directive.DirectiveStatus;
import org.interdict.directive.DirectiveTargets;
import org.interdict.directive.dto.ComplianceReport;
import org.interdict.directive.dto.Decision;
import org.interdict.directive.dto.DirectiveCreate;
import org.interdict.directive.dto.DirectivePatch;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.directive.dto.EscalationRequest;
import org.interdict.directive.dto.Rejection;
import org.interdict.directive.dto.RevocationRequest;
import org.interdict.directive.dto.TargetView;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.isp.IspService;
import org.interdict.isp.dto.IspView;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.ruleset.RulesetChange;
import org.interdict.security.Roles;

/**
 * The officer's and supervisor's directive pages: the list, a directive with its lifecycle and actions, the draft
 * form. Each handler calls the service the REST resource calls, with the same roles; a refusal is shown on the page
 * it came from, in words, with its code.
 */
@Path("/console/directives")
@Produces(MediaType.TEXT_HTML)
public class DirectivePages {

    static final int PAGE_SIZE = 20;

    /** The list's filters as the form sent them; {@code authority} defaults to the caller's own. */
    public record Filters(String status, String kind, String category, String authority, String implementing,
            String isp, String text, String target, String cursor) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext page, Filters filters, Page<DirectiveView> results,
                boolean ownAuthority, String nextLink, DirectiveStatus[] statuses, DirectiveKind[] kinds,
                ReasonCategory[] categories);

        static native TemplateInstance list$results(PageContext page, Filters filters, Page<DirectiveView> results,
                boolean ownAuthority, String nextLink, DirectiveStatus[] statuses, DirectiveKind[] kinds,
                ReasonCategory[] categories);

        static native TemplateInstance directive(PageContext page, DirectiveView directive, Page<TargetView> targets,
                String moreTargets, String done, Problem refusal);

        static native TemplateInstance draft(PageContext page, DirectiveView editing, DraftForm form,
                List<IspView> isps, Problem refusal, DirectiveKind[] kinds, ReasonCategory[] categories);
    }

    private final Visit visit;
    private final DirectiveListing listing;
    private final DirectiveService directives;
    private final DirectiveLifecycle lifecycle;
    private final DirectiveTargets targets;
    private final IspService isps;
    private final Validator validator;
    private final Event<RulesetChange> changes;

    public DirectivePages(Visit visit, DirectiveListing listing, DirectiveService directives,
            DirectiveLifecycle lifecycle, DirectiveTargets targets, IspService isps, Validator validator,
            Event<RulesetChange> changes) {
        this.visit = visit;
        this.listing = listing;
        this.directives = directives;
        this.lifecycle = lifecycle;
        this.targets = targets;
        this.isps = isps;
        this.validator = validator;
        this.changes = changes;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER})
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("kind") String kind,
            @QueryParam("category") String category, @QueryParam("authority") String authority,
            @QueryParam("implements") String implementing, @QueryParam("isp") String isp,
            @QueryParam("q") String text, @QueryParam("target") String target, @QueryParam("cursor") String cursor,
            @HeaderParam("HX-Request") String htmx, @Context UriInfo uri) {
        // A first visit (no filter sent at all) shows the caller's own authority; the form can clear it.
        String ownAuthority = visit.actor().authority();
        boolean firstVisit = uri.getQueryParameters().isEmpty();
        Filters filters = new Filters(status, kind, category, firstVisit ? ownAuthority : authority, implementing,
                isp, text, target, cursor);
        Page<DirectiveView> results = listing.list(new DirectiveListing.Query(status, kind, category,
                filters.authority(), implementing, isp, text, target, cursor, PAGE_SIZE), visit.actor());
        String nextLink = results.nextCursor() == null ? null : uri.getRequestUriBuilder()
                .replaceQueryParam("authority", filters.authority() == null ? "" : filters.authority())
                .replaceQueryParam("cursor", results.nextCursor()).build().toString();
        boolean own = ownAuthority != null && ownAuthority.equals(filters.authority());
        PageContext page = visit.context();
        TemplateInstance view = htmx != null
                ? Templates.list$results(page, filters, results, own, relative(nextLink), DirectiveStatus.values(),
                        DirectiveKind.values(), ReasonCategory.values())
                : Templates.list(page, filters, results, own, relative(nextLink), DirectiveStatus.values(),
                        DirectiveKind.values(), ReasonCategory.values());
        return visit.localized(view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER})
    @Operation(hidden = true)
    public TemplateInstance directive(@PathParam("id") long id, @QueryParam("targets") String targetCursor,
            @QueryParam("done") String done) {
        return directivePage(id, targetCursor, done, null);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.OFFICER)
    @Operation(hidden = true)
    public Response submit(@PathParam("id") long id) {
        return act(id, "submitted", () -> lifecycle.submit(id, visit.actor()));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(hidden = true)
    public Response approve(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return act(id, "approved", () -> changed(lifecycle.approve(id,
                new Decision(null, form.getFirst("comment")), visit.actor()), "approved"));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(hidden = true)
    public Response reject(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return act(id, "rejected", () -> lifecycle.reject(id,
                FormChecks.valid(validator, new Rejection(form.getFirst("reason")), visit.locale()), visit.actor()));
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public Response revoke(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        RevocationRequest request = new RevocationRequest(form.getFirst("reason"), form.getFirst("reference"));
        return act(id, "revoked", () -> changed(lifecycle.revoke(id,
                FormChecks.valid(validator, request, visit.locale()), visit.actor()), "revoked"));
    }

    @POST
    @Path("/{id}/compliance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public Response compliance(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        // The two buttons send "yes" or "no"; anything else is no answer, refused as the API refuses a missing one.
        String answer = form.getFirst("complied");
        Boolean complied = "yes".equals(answer) ? Boolean.TRUE : "no".equals(answer) ? Boolean.FALSE : null;
        return act(id, "recorded", () -> lifecycle.recordCompliance(id,
                FormChecks.valid(validator, new ComplianceReport(complied), visit.locale()), visit.actor()));
    }

    /** Makes the block draft of an unheeded takedown and opens it. */
    @POST
    @Path("/{id}/escalate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(hidden = true)
    public Response escalate(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, () -> {
            DirectiveView block = lifecycle.escalate(id, FormChecks.valid(validator, new EscalationRequest(
                    DraftForm.blankToNull(form.getFirst("legalReference")),
                    DraftForm.blankToNull(form.getFirst("title"))),
                    visit.locale()), visit.actor());
            return "/console/directives/" + block.id() + "?done=escalated";
        });
    }

    @GET
    @Path("/new")
    @RolesAllowed(Roles.OFFICER)
    @Operation(hidden = true)
    public TemplateInstance newDraft() {
        return draftPage(null, DraftForm.blank(), null);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.OFFICER)
    @Operation(hidden = true)
    public Response create(MultivaluedMap<String, String> body) {
        DraftForm.Reading<DirectiveCreate> reading = DraftForm.read(body)
                .toCreate(visit.context().zone(), validator, visit.locale(), unreadable());
        if (reading.request() == null) {
            return refusedForm(null, reading.form(), null, 400);
        }
        try {
            DirectiveView created = directives.create(reading.request(), visit.actor(), null).directive();
            return Response.seeOther(URI.create("/console/directives/" + created.id() + "?done=saved")).build();
        } catch (ProblemException e) {
            return refusedForm(null, reading.form().withViolations(e.violations()), e.toProblem(),
                    e.category().status());
        }
    }

    @GET
    @Path("/{id}/edit")
    @RolesAllowed(Roles.OFFICER)
    @Operation(hidden = true)
    public TemplateInstance edit(@PathParam("id") long id) {
        DirectiveView d = directives.get(id, visit.actor());
        return draftPage(d, DraftForm.of(d, visit.context().zone()), null);
    }

    @POST
    @Path("/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.OFFICER)
    @Operation(hidden = true)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        DirectiveView d = directives.get(id, visit.actor());
        DraftForm form = DraftForm.read(body);
        DraftForm.Reading<DirectivePatch> reading = form.toPatch(visit.context().zone(), validator, visit.locale(),
                unreadable());
        if (reading.request() == null) {
            return refusedForm(d, reading.form(), null, 400);
        }
        try {
            Integer version = form.version().isEmpty() ? null : Integer.valueOf(form.version());
            directives.patch(id, reading.request(), version, visit.actor());
            return Response.seeOther(URI.create("/console/directives/" + id + "?done=saved")).build();
        } catch (ProblemException e) {
            return refusedForm(d, form.withViolations(e.violations()), e.toProblem(), e.category().status());
        } catch (NumberFormatException e) {
            return refusedForm(d, form, null, 400);
        }
    }

    /** Carries out a step and shows the directive again, saying what was {@code done}. */
    private Response act(long id, String done, Supplier<DirectiveView> change) {
        return step(id, () -> {
            change.get();
            return "/console/directives/" + id + "?done=" + done;
        });
    }

    /** Carries out a step, then goes where it says; a refusal is shown on the directive page with the API's status. */
    private Response step(long id, Supplier<String> change) {
        return FormChecks.afterChange(change, refusal -> {
            visit.showing("/console/directives/" + id);
            return directivePage(id, null, null, refusal);
        });
    }

    private TemplateInstance directivePage(long id, String targetCursor, String done, Problem refusal) {
        DirectiveView d = directives.get(id, visit.actor());
        Page<TargetView> page = targets.list(id, null, null, Cursors.decode(targetCursor), PAGE_SIZE);
        String more = page.nextCursor() == null ? null : "/console/directives/" + id + "?targets=" + page.nextCursor();
        return visit.localized(Templates.directive(visit.context(), d, page, more, done, refusal));
    }

    private TemplateInstance draftPage(DirectiveView editing, DraftForm form, Problem refusal) {
        return visit.localized(Templates.draft(visit.context(), editing, form, isps.list(visit.actor()), refusal,
                DirectiveKind.values(), ReasonCategory.values()));
    }

    private Response refusedForm(DirectiveView editing, DraftForm form, Problem refusal, int status) {
        visit.showing(editing == null ? "/console/directives/new" : "/console/directives/" + editing.id() + "/edit");
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(draftPage(editing, form, refusal)).build();
    }

    /** Wakes the compiler once the change has committed, as the REST resource does. */
    private DirectiveView changed(DirectiveView view, String change) {
        changes.fire(new RulesetChange(view.id(), change));
        return view;
    }

    private String unreadable() {
        return MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(visit.locale().toLanguageTag()))
                .invalidValue();
    }

    private static String relative(String link) {
        if (link == null) {
            return null;
        }
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
