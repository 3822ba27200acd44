package org.interdict.allowlist;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.allowlist.dto.AllowEntryInput;
import org.interdict.allowlist.dto.AllowEntryView;
import org.interdict.allowlist.dto.AllowImportResult;
import org.interdict.compile.AllowType;
import org.interdict.config.InterdictConfig;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.paging.QueryParams;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;

@Path("/api/v1/allowlist")
@Tag(name = "Allowlist", description = "Protected entries that no rule set may ever block")
public class AllowlistResource {

    private final AllowlistService allowlist;
    private final CurrentActor actor;
    private final InterdictConfig config;

    public AllowlistResource(AllowlistService allowlist, CurrentActor actor, InterdictConfig config) {
        this.allowlist = allowlist;
        this.actor = actor;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "List protected entries")
    public Page<AllowEntryView> list(@QueryParam("type") String type, @QueryParam("q") String text,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return allowlist.list(QueryParams.enumValue("type", type, AllowType.class), QueryParams.text(text),
                Cursors.decode(cursor), Cursors.limit(limit, config.paging().defaultLimit(), config.paging().maxLimit()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Protect one entry")
    public Response add(@NotNull @Valid AllowEntryInput input) {
        AllowEntryView view = allowlist.add(input.value(), input.reason(), input.source(), actor.get());
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Protect many entries", description = "One `<entry> <reason>` per line; # comments. One bad "
            + "line refuses the batch unless skipInvalid=true.")
    public AllowImportResult importText(@NotNull String body, @QueryParam("source") String source,
            @QueryParam("skipInvalid") boolean skipInvalid) {
        return allowlist.importText(body, QueryParams.text(source), skipInvalid, actor.get());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Stop protecting an entry", description = "An appeal's interim suspension (an entry with"
            + " expiresAt) is not removed here: it ends with the appeal's decision or withdrawal, or at its expiry,"
            + " and is refused with 409 entry-of-appeal.")
    public Response delete(@PathParam("id") long id) {
        allowlist.delete(id, actor.get());
        return Response.noContent().build();
    }
}
