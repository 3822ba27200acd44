package org.interdict.zone;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;
import org.interdict.zone.dto.IssuedZoneKey;
import org.interdict.zone.dto.SecondaryInput;
import org.interdict.zone.dto.SecondaryView;
import org.interdict.zone.dto.ZoneKeyView;
import org.interdict.zone.dto.ZoneView;

@Path("/api/v1/isps/{isp}/zone")
@Tag(name = "Zone transfer", description = "An ISP's response policy zone served by DNS zone transfer: its TSIG keys "
        + "and secondaries")
public class ZoneResource {

    private final ZoneKeys keys;
    private final ZoneSecondaries secondaries;
    private final CurrentActor actor;

    public ZoneResource(ZoneKeys keys, ZoneSecondaries secondaries, CurrentActor actor) {
        this.keys = keys;
        this.secondaries = secondaries;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The ISP's zone", description = "Its name, the version it serves and that version's SOA "
            + "serial, and the last transfer of each address that transferred it.")
    public ZoneView zone(@PathParam("isp") String isp) {
        return secondaries.zone(isp, actor.get());
    }

    @POST
    @Path("/keys")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.ADMIN})
    @Operation(summary = "Make a TSIG key", description = "HMAC-SHA256. The response carries the secret; it is shown "
            + "this once and cannot be read again. Make a new key and revoke the old one to rotate.")
    public Response createKey(@PathParam("isp") String isp) {
        IssuedZoneKey issued = keys.create(isp, actor.get());
        return Response.created(URI.create("/api/v1/isps/" + isp + "/zone/keys/" + issued.key().id()))
                .cacheControl(noStore()).entity(issued).build();
    }

    @GET
    @Path("/keys")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "List an ISP's TSIG keys, newest first, revoked ones included")
    public List<ZoneKeyView> keys(@PathParam("isp") String isp) {
        return keys.list(isp, actor.get());
    }

    @DELETE
    @Path("/keys/{id}")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.ADMIN})
    @Operation(summary = "Revoke a TSIG key", description = "Transfers signed with it are refused from the next "
            + "request on; a key already revoked is a 409.")
    public ZoneKeyView revokeKey(@PathParam("isp") String isp, @PathParam("id") long id) {
        return keys.revoke(isp, id, actor.get());
    }

    @POST
    @Path("/secondaries")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.ADMIN})
    @Operation(summary = "Register a secondary", description = "It is sent NOTIFY on every new version.")
    public Response addSecondary(@PathParam("isp") String isp, @NotNull @Valid SecondaryInput input) {
        SecondaryView added = secondaries.register(isp, input, actor.get());
        return Response.created(URI.create("/api/v1/isps/" + isp + "/zone/secondaries/" + added.id()))
                .entity(added).build();
    }

    @GET
    @Path("/secondaries")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "List an ISP's secondaries with the last transfer each made")
    public List<SecondaryView> secondaries(@PathParam("isp") String isp) {
        return secondaries.list(isp, actor.get());
    }

    @DELETE
    @Path("/secondaries/{id}")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.ADMIN})
    @Operation(summary = "Remove a secondary", description = "It is no longer sent NOTIFY.")
    public Response removeSecondary(@PathParam("isp") String isp, @PathParam("id") long id) {
        secondaries.remove(isp, id, actor.get());
        return Response.noContent().build();
    }

    private static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        return cache;
    }
}
