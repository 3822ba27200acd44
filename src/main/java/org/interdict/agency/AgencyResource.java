package org.interdict.agency;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.agency.dto.AgencyInput;
import org.interdict.agency.dto.AgencyView;
import org.interdict.paging.QueryParams;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;

@Path("/api/v1/agencies")
@Tag(name = "Agencies", description = "The registry of agencies that authorities address beside ISPs: provincial "
        + "bodies and public services that run information systems")
public class AgencyResource {

    private final AgencyService service;
    private final CurrentActor actor;

    public AgencyResource(AgencyService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.AGENCY})
    @Operation(summary = "List agencies", description = "An agency's people see their own agency only.")
    public List<AgencyView> list() {
        return service.list(actor.get());
    }

    @GET
    @Path("/{agency}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.AGENCY})
    @Operation(summary = "One agency", description = "An agency's people see their own agency only; any other is "
            + "404. The ETag is its version, for If-Match on PUT.")
    public Response get(@PathParam("agency") String id) {
        AgencyView view = service.get(id, actor.get());
        return Response.ok(view).tag(etag(view)).build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register an agency")
    public Response create(@NotNull @Valid AgencyInput request) {
        AgencyView view = service.create(request, actor.get());
        return Response.created(URI.create("/api/v1/agencies/" + view.id())).tag(etag(view)).entity(view).build();
    }

    @PUT
    @Path("/{agency}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace an agency", description = "The whole record. Send If-Match with the ETag read "
            + "before; a stale one is a 409. Agencies are not deleted: set active to false.")
    public Response replace(@PathParam("agency") String id, @NotNull @Valid AgencyInput request,
            @HeaderParam("If-Match") String ifMatch) {
        AgencyView view = service.replace(id, request, QueryParams.versionTag("If-Match", ifMatch), actor.get());
        return Response.ok(view).tag(etag(view)).build();
    }

    private static EntityTag etag(AgencyView view) {
        return new EntityTag(Integer.toString(view.version()));
    }
}
