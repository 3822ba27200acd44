package org.interdict.transparency;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.security.Roles;

@Path("/api/v1/transparency")
@Tag(name = "Transparency", description = "Public statistics of directives and enforcement")
public class TransparencyResource {

    private final TransparencyService transparency;
    private final SecurityIdentity identity;
    private final InterdictConfig config;
    private final Clock clock;

    public TransparencyResource(TransparencyService transparency, SecurityIdentity identity, InterdictConfig config,
            Clock clock) {
        this.transparency = transparency;
        this.identity = identity;
        this.config = config;
        this.clock = clock;
    }

    /** Open to everyone only when configured so; the roles are therefore checked here, not by annotation. */
    @GET
    @PermitAll
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer", scopes = {Roles.AUDITOR, Roles.ADMIN}))
    @SecurityRequirementsSet({}) // no token, when interdict.transparency.public is true
    @APIResponse(responseCode = "200", description = "The report, as JSON or CSV")
    @APIResponse(responseCode = "400", description = "A date or the format is invalid")
    @APIResponse(responseCode = "401", description = "Not Authorized (a token is needed unless the report is public)")
    @APIResponse(responseCode = "403", description = "Not Allowed (auditors and administrators only, unless public)")
    @Operation(summary = "Transparency report", description = "Approved directives issued between `from` and `to` "
            + "(dates, inclusive; default: the last twelve months; at most interdict.transparency.max-range-years "
            + "apart, ten by default): counts by month, authority, category and kind, "
            + "revocations, median time to enforce per ISP, and the directives with their first targets. Targets of "
            + "child-abuse directives are counted, never listed; appeals per authority and month (received, decided by "
            + "outcome, withdrawn, median time to decision). `format=csv` gives the counts as CSV, or with "
            + "`section=appeals` the appeal counts. Auditors and "
            + "administrators only, unless interdict.transparency.public is true.")
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") String format, @QueryParam("section") String section) {
        requireAllowed();
        ReportPeriod period = ReportPeriod.of(from, to, LocalDate.now(clock), config.transparency().maxRangeYears());
        String kind = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("json") && !kind.equals("csv")) {
            throw ProblemException.invalid("format", "unknown-format", "format is json or csv");
        }
        String part = section == null || section.isBlank() ? "counts" : section.strip().toLowerCase(Locale.ROOT);
        if (!part.equals("counts") && !part.equals("appeals")) {
            throw ProblemException.invalid("section", "unknown-section", "section is counts or appeals");
        }
        if (kind.equals("csv") && part.equals("appeals")) {
            return Response.ok(TransparencyCsv.ofAppeals(transparency.appeals(period.from(), period.to())),
                    "text/csv; charset=UTF-8").build();
        }
        return kind.equals("csv")
                ? Response.ok(TransparencyCsv.of(transparency.counts(period.from(), period.to())),
                        "text/csv; charset=UTF-8").build()
                : Response.ok(transparency.report(period.from(), period.to()), MediaType.APPLICATION_JSON).build();
    }

    private void requireAllowed() {
        if (config.transparency().publicReport()) {
            return;
        }
        if (identity.isAnonymous()) {
            throw new ProblemException(ErrorCategory.UNAUTHENTICATED, "unauthenticated", "Unauthenticated",
                    "A bearer token is required");
        }
        if (!identity.hasRole(Roles.AUDITOR) && !identity.hasRole(Roles.ADMIN)) {
            throw new ProblemException(ErrorCategory.FORBIDDEN, "forbidden", "Forbidden",
                    "The transparency report is for auditors and administrators");
        }
    }
}
