package org.interdict.isp;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.isp.dto.IspCreate;
import org.interdict.isp.dto.IspPatch;
import org.interdict.isp.dto.IspView;
import org.interdict.ruleset.RulesetChange;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;

@Path("/api/v1/isps")
@Tag(name = "ISPs", description = "The registry of ISPs that directives address")
public class IspResource {

    private final IspService service;
    private final Event<RulesetChange> changes;
    private final CurrentActor actor;

    public IspResource(IspService service, Event<RulesetChange> changes, CurrentActor actor) {
        this.service = service;
        this.changes = changes;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ISP_ENGINEER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "List ISPs", description = "ISP engineers see their own ISP only.")
    public List<IspView> list() {
        return service.list(actor.get());
    }

    @GET
    @Path("/{isp}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ISP_ENGINEER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One ISP's record", description = "ISP engineers see their own ISP only; any other is 404.")
    public IspView get(@PathParam("isp") String id) {
        return service.get(id, actor.get());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@NotNull @Valid IspCreate request) {
        IspView view = service.create(request, actor.get());
        changes.fire(new RulesetChange(null, "isp-registered"));
        return Response.created(URI.create("/api/v1/isps/" + view.id())).entity(view).build();
    }

    @PATCH
    @Path("/{isp}")
    @RolesAllowed(Roles.ADMIN)
    public IspView patch(@PathParam("isp") String id, @NotNull @Valid IspPatch patch) {
        IspView view = service.patch(id, patch, actor.get());
        changes.fire(new RulesetChange(null, "isp-updated"));
        return view;
    }
}
