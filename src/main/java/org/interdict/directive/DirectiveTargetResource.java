package org.interdict.directive;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.config.InterdictConfig;
import org.interdict.directive.dto.TargetImportResult;
import org.interdict.directive.dto.TargetInput;
import org.interdict.directive.dto.TargetView;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.paging.QueryParams;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;
import org.interdict.target.TargetType;

@Path("/api/v1/directives/{id}/targets")
@Tag(name = "Targets", description = "What a directive orders blocked or removed")
public class DirectiveTargetResource {

    private final DirectiveTargets targets;
    private final DirectiveService directives;
    private final CurrentActor actor;
    private final InterdictConfig config;

    public DirectiveTargetResource(DirectiveTargets targets, DirectiveService directives, CurrentActor actor,
            InterdictConfig config) {
        this.targets = targets;
        this.directives = directives;
        this.actor = actor;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Import targets from text", description = "One target per line; blank lines and # comments "
            + "are ignored; `target  # justification: why` overrides a guard. One bad line refuses the whole batch "
            + "unless skipInvalid=true.")
    public TargetImportResult importText(@PathParam("id") long id, @NotNull String body,
            @QueryParam("skipInvalid") boolean skipInvalid) {
        return targets.importText(id, body, skipInvalid, actor.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Import targets from a JSON array", description = "Each item: value, optional type and "
            + "justification. One bad item refuses the whole batch unless skipInvalid=true.")
    public TargetImportResult importJson(@PathParam("id") long id, @NotNull @Valid List<TargetInput> items,
            @QueryParam("skipInvalid") boolean skipInvalid) {
        return targets.importJson(id, items, skipInvalid, actor.get());
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER})
    @Operation(summary = "List a directive's targets in the order they were added")
    public Page<TargetView> list(@PathParam("id") long id, @QueryParam("type") String type,
            @QueryParam("flagged") Boolean flagged, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        TargetType targetType = QueryParams.enumValue("type", type, TargetType.class);
        Long after = Cursors.decode(cursor);
        int size = Cursors.limit(limit, config.paging().defaultLimit(), config.paging().maxLimit());
        directives.requireVisible(id, actor.get());
        return targets.list(id, targetType, flagged, after, size);
    }

    @DELETE
    @Path("/{targetId}")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Remove a target from a draft")
    public Response delete(@PathParam("id") long id, @PathParam("targetId") long targetId) {
        targets.delete(id, targetId, actor.get());
        return Response.noContent().build();
    }
}
