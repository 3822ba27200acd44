package org.interdict.incident;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.incident.dto.IncidentReport;
import org.interdict.incident.dto.IncidentUpdate;
import org.interdict.incident.dto.IncidentView;
import org.interdict.security.CurrentActor;
import org.interdict.security.RecipientScope;
import org.interdict.security.Roles;

@Path("/api/v1")
@Tag(name = "Incidents", description = "Incidents reported by ISPs and agencies, triaged by the authorities")
public class IncidentResource {

    private final IncidentService service;
    private final CurrentActor actor;

    public IncidentResource(IncidentService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    @POST
    @Path("/recipients/{recipient}/incidents")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(summary = "Report an incident", description = "`recipient` is the caller's own, `isp:<id>` or "
            + "`agency:<id>`. Indicators are one per line, read like a directive's targets; every bad line is "
            + "refused with its number (`violations[].line`) and nothing is recorded.")
    public Response report(@PathParam("recipient") String recipient, @NotNull @Valid IncidentReport request) {
        IncidentView view = service.report(RecipientScope.requireRecipient(actor.get(), recipient), request,
                actor.get());
        return Response.created(URI.create("/api/v1/incidents/" + view.id())).entity(view).build();
    }

    @POST
    @Path("/recipients/{recipient}/incidents/{id}/updates")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(summary = "Update one's own incident", description = "A note; `triage: closed` closes it. A closed "
            + "incident takes no more updates (409 `incident-closed`).")
    public IncidentView update(@PathParam("recipient") String recipient, @PathParam("id") long id,
            @NotNull @Valid IncidentUpdate request) {
        return service.updateAsReporter(id, RecipientScope.requireRecipient(actor.get(), recipient), request,
                actor.get());
    }

    @GET
    @Path("/incidents")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(summary = "List incidents, newest first (the latest 500)", description = "ISP engineers and an "
            + "agency's people see their own reports only.")
    public List<IncidentView> list() {
        return service.list(actor.get());
    }

    @GET
    @Path("/incidents/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(summary = "One incident with its indicators and updates", description = "Another recipient's "
            + "incident is not found.")
    public IncidentView get(@PathParam("id") long id) {
        return service.get(id, actor.get());
    }

    @POST
    @Path("/incidents/{id}/triage")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Triage an incident", description = "new, acknowledged, in-progress or closed, with a note.")
    public IncidentView triage(@PathParam("id") long id, @NotNull @Valid IncidentUpdate request) {
        return service.triage(id, request, actor.get());
    }

    @POST
    @Path("/incidents/{id}/directive-draft")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Turn the indicators into a block directive draft", description = "A BLOCK draft of the "
            + "officer's authority with the incident's indicators as targets, referring to the incident; it goes "
            + "through the normal four-eyes path. Once per incident (409 `draft-exists`).")
    public Response draftDirective(@PathParam("id") long id) {
        DirectiveView draft = service.draftDirective(id, actor.get());
        return Response.created(URI.create("/api/v1/directives/" + draft.id())).entity(draft).build();
    }
}
