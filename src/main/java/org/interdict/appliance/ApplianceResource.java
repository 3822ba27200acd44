package org.interdict.appliance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.appliance.dto.ApplianceCreate;
import org.interdict.appliance.dto.AppliancePatch;
import org.interdict.appliance.dto.ApplianceView;
import org.interdict.appliance.dto.IssuedToken;
import org.interdict.config.InterdictConfig;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;

@Path("/api/v1/isps/{isp}/appliances")
@Tag(name = "Appliances", description = "An ISP's resolvers, DPI boxes, firewalls and proxies, and their API tokens")
public class ApplianceResource {

    private final ApplianceService service;
    private final CurrentActor actor;
    private final InterdictConfig config;

    public ApplianceResource(ApplianceService service, CurrentActor actor, InterdictConfig config) {
        this.service = service;
        this.actor = actor;
        this.config = config;
    }

    @POST
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.ADMIN})
    @Operation(summary = "Register an appliance", description = "The response carries the appliance's API token; "
            + "it is shown this once and cannot be read again, only rotated.")
    public Response register(@PathParam("isp") String isp, @NotNull @Valid ApplianceCreate request) {
        IssuedToken issued = service.register(isp, request, actor.get());
        return Response.created(URI.create("/api/v1/isps/" + isp + "/appliances/" + issued.appliance().id()))
                .cacheControl(noStore()).entity(issued).build();
    }

    @GET
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "List an ISP's appliances, newest first")
    public Page<ApplianceView> list(@PathParam("isp") String isp, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        var paging = config.paging();
        return service.list(isp, Cursors.decode(cursor), Cursors.limit(limit, paging.defaultLimit(), paging.maxLimit()),
                actor.get());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    public ApplianceView get(@PathParam("isp") String isp, @PathParam("id") long id) {
        return service.get(isp, id, actor.get());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.ADMIN})
    @Operation(summary = "Rename an appliance or change its preferred format")
    public ApplianceView patch(@PathParam("isp") String isp, @PathParam("id") long id,
            @NotNull @Valid AppliancePatch patch) {
        return service.patch(isp, id, patch, actor.get());
    }

    @POST
    @Path("/{id}/token")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.ADMIN})
    @Operation(summary = "Issue a new token", description = "The previous token, revoked or not, stops working at "
            + "once. The new token is shown this once.")
    public Response rotate(@PathParam("isp") String isp, @PathParam("id") long id) {
        return Response.ok(service.rotate(isp, id, actor.get())).cacheControl(noStore()).build();
    }

    @DELETE
    @Path("/{id}/token")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.ADMIN})
    @Operation(summary = "Revoke the token", description = "The appliance is refused from the next request on; "
            + "a token already revoked is a 409. Issue a new one to let it back in.")
    public ApplianceView revoke(@PathParam("isp") String isp, @PathParam("id") long id) {
        return service.revoke(isp, id, actor.get());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.ADMIN})
    @Operation(summary = "Remove an appliance and its token")
    public Response delete(@PathParam("isp") String isp, @PathParam("id") long id) {
        service.delete(isp, id, actor.get());
        return Response.noContent().build();
    }

    private static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        return cache;
    }
}
