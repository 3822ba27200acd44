package org.interdict.appeal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.appeal.dto.ErrorReportRequest;
import org.interdict.appeal.dto.ErrorReportView;
import org.interdict.error.ProblemException;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;

@Path("/api/v1/isps/{isp}/error-reports")
@Tag(name = "Appeals")
public class ErrorReportResource {

    private final ErrorReports reports;
    private final CurrentActor actor;

    public ErrorReportResource(ErrorReports reports, CurrentActor actor) {
        this.reports = reports;
        this.actor = actor;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ISP_ENGINEER)
    @Operation(summary = "Report a blocking error", description = "kind false-positive, unroutable or shared-address; "
            + "each target must be blocked now (a refused one is named by its index from 1 as `line`). The report "
            + "enters the review queue of each authority whose orders block the targets; the ISP's contact address "
            + "gets the e-mails.")
    public Response file(@PathParam("isp") String isp, ErrorReportRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "required", "the report is a JSON object");
        }
        return Response.status(201).entity(reports.file(actor.get(), isp, request)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ISP_ENGINEER)
    @Operation(summary = "The ISP's own error reports, newest first, with each authority's decision")
    public List<ErrorReportView> list(@PathParam("isp") String isp) {
        return reports.list(actor.get(), isp);
    }
}
