package org.interdict.ruleset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.compile.Delta;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ProblemException;
import org.interdict.export.RenderContext;
import org.interdict.export.Renderers;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.paging.QueryParams;
import org.interdict.ruleset.dto.DeltaView;
import org.interdict.ruleset.dto.RuleSetStatus;
import org.interdict.ruleset.dto.VersionDecision;
import org.interdict.ruleset.dto.VersionView;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;

@Path("/api/v1/isps/{isp}/ruleset")
@Tag(name = "Rule sets", description = "Compiled, versioned rule sets per ISP")
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER})
public class RuleSetResource {

    private final RuleSetQueries queries;
    private final VersionDecisions decisions;
    private final CurrentActor actor;
    private final InterdictConfig config;

    public RuleSetResource(RuleSetQueries queries, VersionDecisions decisions, CurrentActor actor, InterdictConfig config) {
        this.queries = queries;
        this.decisions = decisions;
        this.actor = actor;
        this.config = config;
    }

    @GET
    @Operation(summary = "The current version's metadata", description = "With `at`, the version that was current "
            + "at that instant. `held` shows a version the circuit breaker holds for a supervisor.")
    public RuleSetStatus status(@PathParam("isp") String isp, @QueryParam("at") String at) {
        access(isp);
        Instant instant = QueryParams.value("at", at, Instant::parse, "an ISO-8601 instant such as 2026-04-30T00:00:00Z");
        if (instant == null) {
            return queries.status(isp);
        }
        VersionView then = queries.currentAt(isp, instant);
        if (then == null) {
            throw ProblemException.notFound("Version of ISP " + isp + " current at", instant);
        }
        return new RuleSetStatus(isp, then, null);
    }

    @GET
    @Path("/versions")
    @Operation(summary = "The ISP's versions, newest first")
    public Page<VersionView> versions(@PathParam("isp") String isp, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        access(isp);
        return queries.versions(isp, Cursors.decode(cursor),
                Cursors.limit(limit, config.paging().defaultLimit(), config.paging().maxLimit()));
    }

    @GET
    @Path("/versions/{n}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One version with its rules and their provenance (streamed)")
    public Response version(@PathParam("isp") String isp, @PathParam("n") long number) {
        access(isp);
        RuleSetQueries.VersionContent content = queries.content(queries.version(isp, number));
        VersionView v = content.version();
        Map<Long, String> references = queries.legalReferences();
        RenderContext context = RenderContext.of(isp, v.version(), v.digest(), v.createdAt())
                .withLegalReferences(references::get);
        StreamingOutput body = out -> Renderers.get("json").render(content.rules(), context, out);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("X-Ruleset-Version", v.version())
                .header("X-Ruleset-Digest", v.digest()).build();
    }

    @GET
    @Path("/delta")
    @Operation(summary = "What changed between two retained versions", description = "`to` defaults to the current "
            + "version; 410 Gone when `from` is no longer retained.")
    public DeltaView delta(@PathParam("isp") String isp, @QueryParam("from") Long from, @QueryParam("to") Long to) {
        access(isp);
        if (from == null) {
            throw ProblemException.invalid("from", "required", "from names the version the client holds");
        }
        VersionView target = to == null ? queries.current(isp) : queries.version(isp, to);
        if (target == null) {
            throw ProblemException.notFound("Current version of ISP", isp);
        }
        RuleSetQueries.VersionContent older = queries.content(queries.version(isp, from));
        RuleSetQueries.VersionContent newer = queries.content(target);
        Delta delta = Delta.between(older.rules(), newer.rules());
        return new DeltaView(isp, from, target.version(), older.version().digest(), target.digest(), delta.added(),
                delta.removed());
    }

    @POST
    @Path("/versions/{n}/confirm")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Confirm a version held by the circuit breaker; it becomes current")
    public VersionView confirm(@PathParam("isp") String isp, @PathParam("n") long number,
            @NotNull @Valid VersionDecision decision) {
        decisions.decide(isp, number, true, decision.reason(), actor.get());
        return queries.version(isp, number);
    }

    @POST
    @Path("/versions/{n}/refuse")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Refuse a version held by the circuit breaker; the current one stays")
    public VersionView refuse(@PathParam("isp") String isp, @PathParam("n") long number,
            @NotNull @Valid VersionDecision decision) {
        decisions.decide(isp, number, false, decision.reason(), actor.get());
        return queries.version(isp, number);
    }

    private void access(String isp) {
        IspAccess.require(actor.get(), isp);
        queries.requireIsp(isp);
    }
}
