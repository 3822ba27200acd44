package org.interdict.alert;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.alert.dto.AlertPeriodCancellation;
import org.interdict.alert.dto.AlertPeriodInput;
import org.interdict.alert.dto.AlertPeriodView;
import org.interdict.alert.dto.SituationReportInput;
import org.interdict.alert.dto.SituationReportView;
import org.interdict.paging.QueryParams;
import org.interdict.security.CurrentActor;
import org.interdict.security.RecipientScope;
import org.interdict.security.Roles;

@Path("/api/v1/alert-periods")
@Tag(name = "Alert periods", description = "Heightened-alert periods: shorter enforcement deadlines, appliances "
        + "flagged silent sooner, daily situation reports")
public class AlertPeriodResource {

    private final AlertPeriodService service;
    private final CurrentActor actor;

    public AlertPeriodResource(AlertPeriodService service, CurrentActor actor) {
        this.service = service;
        this.actor = actor;
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Declare an alert period", description = "For the caller's authority. While it lasts, "
            + "directives approved take `enforcementDeadlineMinutes` when shorter than theirs, appliances of its ISPs "
            + "are flagged silent after `applianceSilenceMinutes` when shorter than the usual interval, and its "
            + "recipients owe one situation report a day.")
    public Response declare(@NotNull @Valid AlertPeriodInput request) {
        AlertPeriodView view = service.declare(request, actor.get());
        return Response.created(URI.create("/api/v1/alert-periods/" + view.id())).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(summary = "List alert periods, latest start first", description = "ISP engineers and an agency's "
            + "people see those that address them.")
    public List<AlertPeriodView> list() {
        return service.list(actor.get());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(summary = "One alert period", description = "Not found for a recipient it does not address. Its "
            + "`version` is the one If-Match names to edit or cancel it.")
    public AlertPeriodView get(@PathParam("id") long id) {
        return service.get(id, actor.get());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Edit an alert period that has not ended", description = "The whole new content, by the "
            + "people of its authority (403 `other-authority`): name, end (in the future), level, audience, deadline "
            + "and silence interval; the start only while it has not started (`already-started`). An ended or "
            + "cancelled period is a 409 (`alert-period-ended`, `alert-period-cancelled`), a stale If-Match a 409 "
            + "`stale-version` (If-Match: its `version`). The recipients it addressed before or addresses now are told.")
    public AlertPeriodView edit(@PathParam("id") long id, @NotNull @Valid AlertPeriodInput request,
            @HeaderParam("If-Match") String ifMatch) {
        return service.edit(id, request, QueryParams.versionTag("If-Match", ifMatch), actor.get());
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Cancel an alert period: it ends now", description = "With a reason, by the people of its "
            + "authority; its recipients are told. Refused like an edit when it has ended, was cancelled or the "
            + "If-Match is stale.")
    public AlertPeriodView cancel(@PathParam("id") long id, @NotNull @Valid AlertPeriodCancellation request,
            @HeaderParam("If-Match") String ifMatch) {
        return service.cancel(id, request, QueryParams.versionTag("If-Match", ifMatch), actor.get());
    }

    @POST
    @Path("/{id}/recipients/{recipient}/situation-reports")
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(summary = "Send the daily situation report", description = "`recipient` is the caller's own. One "
            + "per day of the period (409 `already-reported`); `noIncident: true` is a valid report.")
    public Response reportSituation(@PathParam("id") long id, @PathParam("recipient") String recipient,
            @NotNull @Valid SituationReportInput request) {
        SituationReportView view = service.reportSituation(id, RecipientScope.requireRecipient(actor.get(), recipient),
                request, actor.get());
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @GET
    @Path("/{id}/situation-reports")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.AGENCY})
    @Operation(summary = "Who reported, missed or still owes today's report", description = "Every day of the "
            + "period up to today, for every active recipient it addresses. ISP engineers and an agency's people see "
            + "their own days only; a period that does not address them is not found.")
    public List<SituationReportView> situationReports(@PathParam("id") long id) {
        return service.situationReports(id, actor.get());
    }
}
