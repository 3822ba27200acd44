package org.interdict.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.audit.AuditFilter;
import org.interdict.audit.AuditQueries;
import org.interdict.audit.dto.AuditEntryView;
import org.interdict.audit.dto.ChainVerification;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.paging.QueryParams;
import org.interdict.security.Roles;

/**
 * The auditor's view of the audit log: the API's filters and cursor paging, times typed in the console's time zone,
 * and the verification of the hash chain.
 */
@Path("/console/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditPages {

    /** The filters as the form sent them. */
    public record Filters(String actor, String action, String subjectType, String subjectId, String authority,
            String from, String to) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(PageContext page, Filters filters, Page<AuditEntryView> entries,
                String nextLink, ChainVerification verification, Problem refusal);
    }

    private final Visit visit;
    private final AuditQueries queries;

    public AuditPages(Visit visit, AuditQueries queries) {
        this.visit = visit;
        this.queries = queries;
    }

    @GET
    @Operation(hidden = true)
    public Response audit(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
            @QueryParam("authority") String authority, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return page(new Filters(actor, action, subjectType, subjectId, authority, from, to), cursor, uri, null);
    }

    /** The log as filtered, with the chain recomputed from its first entry. */
    @GET
    @Path("/verify")
    @Operation(hidden = true)
    public Response verify(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
            @QueryParam("authority") String authority, @QueryParam("from") String from, @QueryParam("to") String to,
            @Context UriInfo uri) {
        return page(new Filters(actor, action, subjectType, subjectId, authority, from, to), null, uri,
                queries.verify());
    }

    private Response page(Filters filters, String cursor, UriInfo uri, ChainVerification verification) {
        PageContext page = visit.context();
        try {
            Page<AuditEntryView> entries = queries.list(new AuditFilter(QueryParams.text(filters.actor()),
                    QueryParams.text(filters.action()), QueryParams.text(filters.subjectType()),
                    QueryParams.text(filters.subjectId()), QueryParams.text(filters.authority()),
                    instant("from", filters.from(), page), instant("to", filters.to(), page), Cursors.decode(cursor),
                    DirectivePages.PAGE_SIZE));
            String next = entries.nextCursor() == null ? null : "/console/audit?" + uri.getRequestUriBuilder()
                    .replacePath("/console/audit").replaceQueryParam("cursor", entries.nextCursor()).build()
                    .getRawQuery();
            return Response.ok(visit.localized(Templates.audit(page, filters, entries, next, verification, null)))
                    .build();
        } catch (ProblemException e) {
            return Response.status(e.category().status()).type(MediaType.TEXT_HTML_TYPE).entity(visit.localized(
                    Templates.audit(page, filters, new Page<>(List.of(), null), null, verification,
                            e.toProblem()))).build();
        }
    }

    /** A time typed in the console's time zone (a date-time field); the API takes the same bound as an instant. */
    private static Instant instant(String field, String text, PageContext page) {
        return FormChecks.read(field, text, t -> LocalDateTime.parse(t).atZone(page.zone()).toInstant());
    }
}
