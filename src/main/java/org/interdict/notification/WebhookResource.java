package org.interdict.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.notification.dto.IssuedWebhookSecret;
import org.interdict.notification.dto.WebhookInput;
import org.interdict.notification.dto.WebhookView;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Endpoints that receive an ISP's or an authority's events as signed HTTP calls")
public class WebhookResource {

    private final WebhookEndpoints endpoints;
    private final CurrentActor actor;

    public WebhookResource(WebhookEndpoints endpoints, CurrentActor actor) {
        this.endpoints = endpoints;
        this.actor = actor;
    }

    @POST
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Register a webhook endpoint", description = "For the caller's own ISP (engineers) or "
            + "authority (officers, supervisors) unless an administrator names the owner. The response carries the "
            + "signing secret; it is shown this once. Calls carry `Interdict-Signature: t=<unix seconds>,v1=<hex "
            + "HMAC-SHA256(secret, t + \".\" + body)>`.")
    public Response create(@NotNull WebhookInput input) {
        IssuedWebhookSecret issued = endpoints.create(input, actor.get());
        return Response.created(URI.create("/api/v1/webhooks/" + issued.webhook().id())).cacheControl(noStore())
                .entity(issued).build();
    }

    @GET
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY, Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "List webhook endpoints, newest first", description = "Engineers see their ISP's, officers "
            + "and supervisors their authority's; administrators and auditors every owner's, or one owner's with "
            + "`owner`.")
    public List<WebhookView> list(@QueryParam("owner") String owner) {
        return endpoints.list(owner, actor.get());
    }

    @POST
    @Path("/{id}/rotate")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Replace an endpoint's signing secret", description = "Calls from now on, retries of earlier "
            + "events included, are signed with the new secret, shown this once.")
    public Response rotate(@PathParam("id") long id) {
        return Response.ok(endpoints.rotate(id, actor.get())).cacheControl(noStore()).build();
    }

    @POST
    @Path("/{id}/deactivate")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Deactivate an endpoint", description = "It receives no further events; calls still waiting "
            + "for it are marked failed. Deactivating one already inactive is a 409.")
    public WebhookView deactivate(@PathParam("id") long id) {
        return endpoints.deactivate(id, actor.get());
    }

    private static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        return cache;
    }
}
