package org.interdict.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.audit.dto.AuditEntryView;
import org.interdict.audit.dto.ChainVerification;
import org.interdict.config.InterdictConfig;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.paging.QueryParams;
import org.interdict.security.Roles;

@Path("/api/v1/audit")
@Tag(name = "Audit", description = "The append-only, hash-chained record of every change")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {

    private static final String INSTANT = "an ISO-8601 instant such as 2026-04-30T00:00:00Z";

    private final AuditQueries queries;
    private final InterdictConfig config;

    public AuditResource(AuditQueries queries, InterdictConfig config) {
        this.queries = queries;
        this.config = config;
    }

    @GET
    @Operation(summary = "Audit entries, newest first", description = "Filters combine; `from` is inclusive, `to` "
            + "exclusive.")
    public Page<AuditEntryView> list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
            @QueryParam("authority") String authority,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return queries.list(new AuditFilter(QueryParams.text(actor), QueryParams.text(action),
                QueryParams.text(subjectType), QueryParams.text(subjectId), QueryParams.text(authority),
                QueryParams.value("from", from, Instant::parse, INSTANT), QueryParams.value("to", to, Instant::parse, INSTANT),
                Cursors.decode(cursor), Cursors.limit(limit, config.paging().defaultLimit(), config.paging().maxLimit())));
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Recompute the hash chain", description = "`ok` with the number of entries checked, or the "
            + "first broken link: entry id, expected and stored hash.")
    public ChainVerification verify() {
        return queries.verify();
    }
}
