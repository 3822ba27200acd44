package org.interdict.appeal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.appeal.dto.AppealQueueItem;
import org.interdict.appeal.dto.AppealReviewView;
import org.interdict.appeal.dto.DecisionProposal;
import org.interdict.appeal.dto.ProposalReturn;
import org.interdict.appeal.dto.ReviewStep;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;

@Path("/api/v1/appeals")
@Tag(name = "Appeals", description = "Review of appeals and ISP error reports by the authorities whose orders they"
        + " contest")
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
public class AppealReviewResource {

    private final AppealReviews reviews;
    private final CurrentActor actor;

    public AppealReviewResource(AppealReviews reviews, CurrentActor actor) {
        this.reviews = reviews;
        this.actor = actor;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The review queue of the caller's authority", description = "Open appeals (RECEIVED, "
            + "UNDER_REVIEW) oldest first, that is by deadline, or those in `status`; each with its age, its "
            + "deadlines and the stages it is overdue for (`acknowledge`, `decide`).")
    public List<AppealQueueItem> queue(@QueryParam("status") String status) {
        return reviews.queue(actor.get(), status);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An appeal as the caller's authority reviews it", description = "Targets with the orders "
            + "blocking them, grounds, evidence list and the authority's review; 404 when the caller's authority has "
            + "no order concerned.")
    public AppealReviewView detail(@PathParam("id") long id) {
        return reviews.detail(actor.get(), id);
    }

    @GET
    @Path("/{id}/evidence/{evidenceId}")
    @Produces({"application/pdf", "image/png", "image/jpeg"})
    @Operation(summary = "Download an evidence file of an appeal")
    public Response evidence(@PathParam("id") long id, @PathParam("evidenceId") long evidenceId) {
        AppealReviews.EvidenceFile file = reviews.evidence(actor.get(), id, evidenceId);
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"appeal-" + id + "-evidence-" + evidenceId + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take an appeal up for review", description = "The caller becomes its reviewer. A "
            + "supervisor may take over a review another reviewer holds, unless a proposal of theirs waits (409 "
            + "`proposal-pending`). Refused with 409 `reviewer-involved` to whoever drafted, submitted or approved an "
            + "order concerned, 409 `stale-version` when the version is not the review's.")
    public AppealReviewView take(@PathParam("id") long id, @NotNull @Valid ReviewStep step) {
        return reviews.take(actor.get(), id, step.version());
    }

    @POST
    @Path("/{id}/proposal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Propose a decision, with written reasons", description = "By the reviewer. UPHELD, "
            + "PARTIALLY_LIFTED (liftTargets: ids of targets of the appeal), LIFTED or INADMISSIBLE. URL targets "
            + "cannot be lifted through the allowlist (409 `url-not-liftable`). A second person confirms.")
    public AppealReviewView propose(@PathParam("id") long id, @NotNull @Valid DecisionProposal proposal) {
        return reviews.propose(actor.get(), id, proposal);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Confirm the proposed decision (four-eyes)", description = "By a supervisor of the authority "
            + "other than the proposer (409 `four-eyes`) and not involved in the orders (409 `reviewer-involved`). "
            + "Lifted targets go on the allowlist with the reason \"appeal N\" and reach ISPs as a new version; the "
            + "interim suspension lapses; the appellant is e-mailed the outcome and the reasons.")
    public AppealReviewView confirm(@PathParam("id") long id, @NotNull @Valid ReviewStep step) {
        return reviews.confirm(actor.get(), id, step.version());
    }

    @POST
    @Path("/{id}/proposal/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Send the proposed decision back to the reviewer", description = "By a supervisor of the "
            + "authority other than the proposer (409 `four-eyes`), with remarks the reviewer reads; the review stays "
            + "under review and the reviewer proposes again. 409 `appeal-state` when no proposal waits.")
    public AppealReviewView returnProposal(@PathParam("id") long id, @NotNull @Valid ProposalReturn request) {
        return reviews.returnProposal(actor.get(), id, request);
    }

    @POST
    @Path("/{id}/suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Suspend the contested targets until the appeal is decided", description = "For an appeal "
            + "claiming collateral damage, an ISP's shared-address report, or targets that tripped a guard (else 409 "
            + "`not-suspendable`). Time-limited allowlist entries naming the appeal; URL targets are left out.")
    public AppealReviewView suspend(@PathParam("id") long id, @NotNull @Valid ReviewStep step) {
        return reviews.suspend(actor.get(), id, step.version());
    }
}
