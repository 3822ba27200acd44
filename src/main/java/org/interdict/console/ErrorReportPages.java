package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.appeal.ErrorReports;
import org.interdict.appeal.dto.ErrorReportRequest;
import org.interdict.appeal.dto.ErrorReportView;
import org.interdict.error.Problem;
import org.interdict.security.Roles;

/**
 * An ISP engineer reports that rules harm legitimate traffic, and follows the ISP's reports with each authority's
 * decision: the same {@link ErrorReports} as /api/v1/isps/{isp}/error-reports, which checks that the ISP is the
 * engineer's own.
 */
@Path("/console/isps/{isp}/error-reports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ISP_ENGINEER)
public class ErrorReportPages {

    /** The report form as sent, shown again when refused. */
    public record ReportForm(String kind, String targets, String description) {

        static final ReportForm BLANK = new ReportForm("", "", "");
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(PageContext page, String isp, List<ErrorReportView> reports,
                ReportForm form, List<String> kinds, Long filed, Problem refusal);
    }

    /** What an ISP may report, in the order the form offers it. */
    private static final List<String> KINDS = List.of("false-positive", "unroutable", "shared-address");

    private final Visit visit;
    private final ErrorReports reports;

    public ErrorReportPages(Visit visit, ErrorReports reports) {
        this.visit = visit;
        this.reports = reports;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance reports(@PathParam("isp") String isp, @QueryParam("filed") Long filed) {
        return page(isp, ReportForm.BLANK, filed, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response file(@PathParam("isp") String isp, MultivaluedMap<String, String> fields) {
        ReportForm form = new ReportForm(fields.getFirst("kind"), fields.getFirst("targets"),
                fields.getFirst("description"));
        String path = "/console/isps/" + URLEncoder.encode(isp, StandardCharsets.UTF_8) + "/error-reports";
        visit.showing(path);
        return FormChecks.afterChange(() -> {
            List<String> targets = form.targets() == null ? null : List.of(form.targets().split("\\R", -1));
            ErrorReportView filed = reports.file(visit.actor(), isp, new ErrorReportRequest(form.kind(), targets,
                    form.description()));
            return path + "?filed=" + filed.id();
        }, refusal -> page(isp, form, null, refusal));
    }

    private TemplateInstance page(String isp, ReportForm form, Long filed, Problem refusal) {
        return visit.localized(Templates.reports(visit.context(), isp, reports.list(visit.actor(), isp), form, KINDS,
                filed, refusal));
    }
}
