package org.interdict.authority;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.authority.dto.AuthorityInput;
import org.interdict.authority.dto.AuthorityView;
import org.interdict.authority.dto.LegacyLinks;
import org.interdict.paging.QueryParams;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;

@Path("/api/v1/authorities")
@Tag(name = "Authorities", description = "The registry of issuing authorities: the Ministry and the provincial "
        + "Departments that relay its orders")
public class AuthorityResource {

    private final AuthorityService service;
    private final CurrentActor actor;

    public AuthorityResource(AuthorityService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ISP_ENGINEER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "List authorities, national first, then by id", description = "Filters combine: `level` "
            + "(NATIONAL or PROVINCIAL), `parent` (an authority id), `active` (true or false). ISP engineers see, of "
            + "an authority's ISP scope, their own ISP only.")
    public List<AuthorityView> list(@QueryParam("level") String level, @QueryParam("parent") String parent,
            @QueryParam("active") String active) {
        return service.list(new AuthorityFilter(QueryParams.enumValue("level", level, AuthorityLevel.class),
                QueryParams.text(parent), QueryParams.value("active", active, AuthorityResource::bool, "true or false")),
                actor.get());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ISP_ENGINEER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One authority", description = "The ETag is its version, for If-Match on PUT.")
    public Response get(@PathParam("id") String id) {
        AuthorityView view = service.get(id, actor.get());
        return Response.ok(view).tag(etag(view)).build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register an authority", description = "Directives recorded before the registry whose free-"
            + "text authority is its id, a name or an alias are linked to it.")
    public Response create(@NotNull @Valid AuthorityInput request) {
        AuthorityView view = service.create(request, actor.get());
        return Response.created(URI.create("/api/v1/authorities/" + view.id())).tag(etag(view)).entity(view).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace an authority", description = "The whole record: what is left out takes its "
            + "default. Send If-Match with the ETag read before; a stale one is a 409. Authorities are not deleted: "
            + "set active to false. Legacy directives that now match it are linked.")
    public Response replace(@PathParam("id") String id, @NotNull @Valid AuthorityInput request,
            @HeaderParam("If-Match") String ifMatch) {
        AuthorityView view = service.replace(id, request, QueryParams.versionTag("If-Match", ifMatch), actor.get());
        return Response.ok(view).tag(etag(view)).build();
    }

    @POST
    @Path("/{id}/link-legacy")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Link the legacy directives that name the authority", description = "Directives recorded "
            + "before the registry, whose free-text authority is the authority's id, a name or an alias (compared "
            + "case-insensitively, NFC-normalised, spaces collapsed), unless an authority registered earlier also "
            + "answers to it. Registration and replacement do the same; this is for authorities written otherwise.")
    public LegacyLinks linkLegacy(@PathParam("id") String id) {
        return service.linkLegacy(id, actor.get());
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static EntityTag etag(AuthorityView view) {
        return new EntityTag(Integer.toString(view.version()));
    }
}
