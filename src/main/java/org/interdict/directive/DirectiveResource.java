package org.interdict.directive;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.directive.dto.ComplianceReport;
import org.interdict.directive.dto.Decision;
import org.interdict.directive.dto.DirectiveCreate;
import org.interdict.directive.dto.DirectivePatch;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.directive.dto.EscalationRequest;
import org.interdict.directive.dto.Rejection;
import org.interdict.directive.dto.RevocationRequest;
import org.interdict.paging.Page;
import org.interdict.paging.QueryParams;
import org.interdict.ruleset.RulesetChange;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;

@Path("/api/v1/directives")
@Tag(name = "Directives", description = "Block and takedown orders and their lifecycle")
public class DirectiveResource {

    private final DirectiveService service;
    private final DirectiveLifecycle lifecycle;
    private final CurrentActor actor;
    private final Event<RulesetChange> changes;
    private final DirectiveListing listing;

    public DirectiveResource(DirectiveService service, DirectiveLifecycle lifecycle, CurrentActor actor,
            Event<RulesetChange> changes, DirectiveListing listing) {
        this.service = service;
        this.lifecycle = lifecycle;
        this.actor = actor;
        this.changes = changes;
        this.listing = listing;
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Draft a directive", description = "A retried request with the same Idempotency-Key returns "
            + "the directive created the first time (200, header Idempotency-Replayed: true).")
    public Response create(@NotNull @Valid DirectiveCreate request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        DirectiveService.Created created = service.create(request, actor.get(), idempotencyKey);
        Response.ResponseBuilder response = created.replayed()
                ? Response.ok().header("Idempotency-Replayed", "true")
                : Response.created(URI.create("/api/v1/directives/" + created.directive().id()));
        return response.tag(etag(created.directive())).entity(created.directive()).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER})
    @Operation(summary = "List directives, newest first", description = "Filters combine; `q` searches the legal "
            + "reference and title; `target` finds directives holding that target (normalised first); `authority` is "
            + "an authority id; `implements` (a directive id or legal reference) finds the directives relaying it.")
    public Page<DirectiveView> list(@QueryParam("status") String status, @QueryParam("kind") String kind,
            @QueryParam("category") String category, @QueryParam("authority") String authority,
            @QueryParam("implements") String implementing, @QueryParam("isp") String isp,
            @QueryParam("q") String text, @QueryParam("target") String target,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return listing.list(new DirectiveListing.Query(status, kind, category, authority, implementing, isp, text,
                target, cursor, limit), actor.get());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER})
    public Response get(@PathParam("id") long id) {
        DirectiveView view = service.get(id, actor.get());
        return Response.ok(view).tag(etag(view)).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Edit a draft", description = "Send If-Match with the ETag read before; a stale one is a 409.")
    public Response patch(@PathParam("id") long id, @NotNull @Valid DirectivePatch patch,
            @HeaderParam("If-Match") String ifMatch) {
        DirectiveView view = service.patch(id, patch, QueryParams.versionTag("If-Match", ifMatch), actor.get());
        return Response.ok(view).tag(etag(view)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Delete a draft")
    public Response delete(@PathParam("id") long id) {
        service.delete(id, actor.get());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Submit a draft for approval; it is frozen from then on")
    public DirectiveView submit(@PathParam("id") long id) {
        return lifecycle.submit(id, actor.get());
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Approve (four eyes)", description = "Never by the officer who drafted or submitted it. "
            + "Every guard-flagged target must be listed in confirmFlaggedTargets.")
    public DirectiveView approve(@PathParam("id") long id, @Valid Decision decision) {
        return changed(lifecycle.approve(id, decision, actor.get()), "approved");
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Reject (four eyes) with a reason")
    public DirectiveView reject(@PathParam("id") long id, @NotNull @Valid Rejection rejection) {
        return lifecycle.reject(id, rejection, actor.get());
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Revoke an approved directive, citing the revoking act")
    public DirectiveView revoke(@PathParam("id") long id, @NotNull @Valid RevocationRequest request) {
        return changed(lifecycle.revoke(id, request, actor.get()), "revoked");
    }

    @POST
    @Path("/{id}/compliance")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Record whether the host of a takedown complied")
    public DirectiveView compliance(@PathParam("id") long id, @NotNull @Valid ComplianceReport report) {
        return lifecycle.recordCompliance(id, report, actor.get());
    }

    @POST
    @Path("/{id}/escalate")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Escalate an unheeded takedown into a BLOCK draft that references it")
    public Response escalate(@PathParam("id") long id, @Valid EscalationRequest request) {
        DirectiveView view = lifecycle.escalate(id, request, actor.get());
        return Response.created(URI.create("/api/v1/directives/" + view.id())).entity(view).build();
    }

    /** Wakes the compiler once the change has committed. */
    private DirectiveView changed(DirectiveView view, String change) {
        changes.fire(new RulesetChange(view.id(), change));
        return view;
    }

    private static EntityTag etag(DirectiveView view) {
        return new EntityTag(Integer.toString(view.version()));
    }
}
