package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.appeal.AppealReviews;
import org.interdict.appeal.dto.AppealQueueItem;
import org.interdict.appeal.dto.AppealReviewView;
import org.interdict.appeal.dto.DecisionProposal;
import org.interdict.appeal.dto.ProposalReturn;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.security.Roles;

/**
 * The review of appeals by the officers and supervisors of an authority: its queue, oldest first (so by deadline),
 * overdue ones flagged; an appeal with what was filed and the steps of its review (take it up, propose a decision
 * with reasons, confirm it as a second person, suspend the contested targets), each carried out by the same
 * {@link AppealReviews} as /api/v1/appeals, and refused the same way.
 */
@Path("/console/appeals")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
public class AppealPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(PageContext page, List<AppealQueueItem> appeals, String status,
                List<String> statuses);

        static native TemplateInstance appeal(PageContext page, AppealReviewView appeal, String done,
                List<String> outcomes, Problem refusal);
    }

    /** The review states the queue can be filtered by; none shows the open ones. */
    private static final List<String> STATUSES = List.of("RECEIVED", "UNDER_REVIEW", "DECIDED", "INADMISSIBLE",
            "WITHDRAWN");
    /** What a reviewer may propose, in the order the form offers it. */
    private static final List<String> OUTCOMES = List.of("UPHELD", "PARTIALLY_LIFTED", "LIFTED", "INADMISSIBLE");

    private final Visit visit;
    private final AppealReviews reviews;

    public AppealPages(Visit visit, AppealReviews reviews) {
        this.visit = visit;
        this.reviews = reviews;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance queue(@QueryParam("status") String status) {
        String shown = status == null || status.isBlank() ? null : status;
        return visit.localized(Templates.queue(visit.context(), reviews.queue(visit.actor(), shown), shown,
                STATUSES));
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public TemplateInstance appeal(@PathParam("id") long id, @QueryParam("done") String done) {
        return appealPage(reviews.detail(visit.actor(), id), done, null);
    }

    @GET
    @Path("/{id}/evidence/{evidenceId}")
    @Produces({"application/pdf", "image/png", "image/jpeg"})
    @Operation(hidden = true)
    public Response evidence(@PathParam("id") long id, @PathParam("evidenceId") long evidenceId) {
        AppealReviews.EvidenceFile file = reviews.evidence(visit.actor(), id, evidenceId);
        return Response.ok(file.content(), file.mediaType()).header("Content-Disposition", "attachment; filename=\""
                + "appeal-" + id + "-evidence-" + evidenceId + "\"").build();
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response take(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, "taken", version -> reviews.take(visit.actor(), id, version), form);
    }

    @POST
    @Path("/{id}/proposal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response propose(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, "proposed", version -> {
            List<Long> lift = new ArrayList<>();
            for (String target : form.getOrDefault("lift", List.of())) {
                lift.add(FormChecks.read("liftTargets", target, Long::valueOf));
            }
            return reviews.propose(visit.actor(), id, new DecisionProposal(form.getFirst("outcome"), lift,
                    form.getFirst("reasons"), version));
        }, form);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(hidden = true)
    public Response confirm(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, "confirmed", version -> reviews.confirm(visit.actor(), id, version), form);
    }

    @POST
    @Path("/{id}/proposal/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(hidden = true)
    public Response returnProposal(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, "returned", version -> reviews.returnProposal(visit.actor(), id,
                new ProposalReturn(form.getFirst("remarks"), version)), form);
    }

    @POST
    @Path("/{id}/suspension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(hidden = true)
    public Response suspend(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return step(id, "suspended", version -> reviews.suspend(visit.actor(), id, version), form);
    }

    /**
     * One step on the review with the version the form was shown with, then the appeal again saying it was done; a
     * refusal (reviewer involved, four eyes, someone acting meanwhile) is shown on the appeal as it is now.
     */
    private Response step(long id, String done, Function<Integer, AppealReviewView> action,
            MultivaluedMap<String, String> form) {
        visit.showing("/console/appeals/" + id);
        return FormChecks.afterChange(() -> {
            Integer version = FormChecks.read("version", form.getFirst("version"), Integer::valueOf);
            if (version == null) {
                throw ProblemException.invalid("version", "required", "version is the review's, as the page showed it");
            }
            action.apply(version);
            return "/console/appeals/" + id + "?done=" + done;
        }, refusal -> appealPage(reviews.detail(visit.actor(), id), null, refusal));
    }

    private TemplateInstance appealPage(AppealReviewView appeal, String done, Problem refusal) {
        return visit.localized(Templates.appeal(visit.context(), appeal, done, OUTCOMES, refusal));
    }
}
