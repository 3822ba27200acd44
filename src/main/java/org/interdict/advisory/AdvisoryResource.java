package org.interdict.advisory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.advisory.dto.AdvisoryInput;
import org.interdict.advisory.dto.AdvisoryView;
import org.interdict.advisory.dto.RecipientState;
import org.interdict.advisory.dto.StatusReport;
import org.interdict.advisory.dto.TrackingView;
import org.interdict.advisory.dto.Withdrawal;
import org.interdict.paging.QueryParams;
import org.interdict.security.CurrentActor;
import org.interdict.security.RecipientScope;
import org.interdict.security.Roles;

@Path("/api/v1/advisories")
@Tag(name = "Advisories", description = "Security advisories from an authority to ISPs and agencies, with "
        + "acknowledgement and remediation status")
public class AdvisoryResource {

    private final AdvisoryService service;
    private final CurrentActor actor;

    public AdvisoryResource(AdvisoryService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(summary = "List advisories, newest first (the latest 500)", description = "ISP engineers and an "
            + "agency's people see the published and withdrawn advisories addressed to them, with their own "
            + "acknowledgement and status (`mine`); officers and supervisors their authority's in every state and "
            + "the others' published ones; auditors and administrators all.")
    public List<AdvisoryView> list() {
        return service.list(actor.get());
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Draft an advisory", description = "For the officer's authority. CVE identifiers are "
            + "`CVE-YYYY-NNNN` with four or more final digits; references are http(s) URLs; the audience names every "
            + "ISP, every agency, or registered ones.")
    public Response draft(@NotNull @Valid AdvisoryInput request) {
        AdvisoryView view = service.draft(request, actor.get());
        return Response.created(URI.create("/api/v1/advisories/" + view.id())).tag(etag(view)).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(summary = "One advisory", description = "Not found for a recipient it does not address, and for "
            + "another authority's draft. The ETag is its version, for If-Match.")
    public Response get(@PathParam("id") long id) {
        AdvisoryView view = service.get(id, actor.get());
        return Response.ok(view).tag(etag(view)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Replace a draft's content", description = "Drafts only (409 `advisory-published` or "
            + "`advisory-withdrawn` otherwise); a stale If-Match is a 409 `stale-version`.")
    public Response edit(@PathParam("id") long id, @NotNull @Valid AdvisoryInput request,
            @HeaderParam("If-Match") String ifMatch) {
        AdvisoryView view = service.edit(id, request, QueryParams.versionTag("If-Match", ifMatch), actor.get());
        return Response.ok(view).tag(etag(view)).build();
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Publish a draft (four-eyes)", description = "By a supervisor of the advisory's authority "
            + "who did not draft it (409 `four-eyes`). Its recipients are the active ISPs and agencies of the "
            + "audience at this moment; a second publication is a 409 `advisory-published`.")
    public Response publish(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        AdvisoryView view = service.publish(id, QueryParams.versionTag("If-Match", ifMatch), actor.get());
        return Response.ok(view).tag(etag(view)).build();
    }

    @POST
    @Path("/{id}/revisions")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Revise a published advisory", description = "The whole new content, by a supervisor of "
            + "its authority: the revision number goes up, recipients the audience now adds are added, and every "
            + "recipient is told again and owes a new acknowledgement.")
    public Response revise(@PathParam("id") long id, @NotNull @Valid AdvisoryInput request,
            @HeaderParam("If-Match") String ifMatch) {
        AdvisoryView view = service.revise(id, request, QueryParams.versionTag("If-Match", ifMatch), actor.get());
        return Response.ok(view).tag(etag(view)).build();
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Withdraw an advisory", description = "A draft or a published one, with a reason; "
            + "recipients keep seeing it, marked withdrawn.")
    public AdvisoryView withdraw(@PathParam("id") long id, @NotNull @Valid Withdrawal request) {
        return service.withdraw(id, request, actor.get());
    }

    @POST
    @Path("/{id}/recipients/{recipient}/acknowledgement")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(summary = "Acknowledge receipt of the current revision", description = "`recipient` is the caller's "
            + "own, `isp:<id>` or `agency:<id>`. Acknowledging again changes nothing.")
    public RecipientState acknowledge(@PathParam("id") long id, @PathParam("recipient") String recipient) {
        return service.acknowledge(id, RecipientScope.requireRecipient(actor.get(), recipient), actor.get());
    }

    @POST
    @Path("/{id}/recipients/{recipient}/status")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(summary = "Report the remediation status", description = "not-affected, investigating, mitigated or "
            + "patched, with a note and the time it was reached (now when left out). It acknowledges the current "
            + "revision too.")
    public RecipientState reportStatus(@PathParam("id") long id, @PathParam("recipient") String recipient,
            @NotNull @Valid StatusReport request) {
        return service.reportStatus(id, RecipientScope.requireRecipient(actor.get(), recipient), request,
                actor.get());
    }

    @GET
    @Path("/{id}/tracking")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Who has acknowledged, patched, is late or silent", description = "For the advisory's "
            + "authority (another authority's advisory is not found), auditors and administrators.")
    public TrackingView tracking(@PathParam("id") long id) {
        return service.tracking(id, actor.get());
    }

    @GET
    @Path("/{id}/tracking.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The tracking table as CSV", description = "One row per recipient: standing, revisions, "
            + "acknowledgement, status, its time and note.")
    public Response trackingCsv(@PathParam("id") long id) {
        return Response.ok(service.trackingCsv(id, actor.get()), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"advisory-" + id + "-tracking.csv\"").build();
    }

    private static EntityTag etag(AdvisoryView view) {
        return new EntityTag(Integer.toString(view.version()));
    }
}
