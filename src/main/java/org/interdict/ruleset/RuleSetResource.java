package org.interdict.ruleset;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.compile.Delta;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ProblemException;
import org.interdict.export.RenderReport;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.paging.QueryParams;
import org.interdict.ruleset.dto.DeltaView;
import org.interdict.ruleset.dto.RuleSetStatus;
import org.interdict.ruleset.dto.VersionDecision;
import org.interdict.ruleset.dto.VersionView;
import org.interdict.security.CurrentActor;
import org.interdict.security.IspVisibility;
import org.interdict.signing.RuleSetSignatures;
import org.interdict.security.Roles;

@Path("/api/v1/isps/{isp}/ruleset")
@Tag(name = "Rule sets", description = "Compiled, versioned rule sets per ISP")
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER, Roles.APPLIANCE})
public class RuleSetResource {

    private final RuleSetQueries queries;
    private final RuleSetDownloads downloads;
    private final VersionDecisions decisions;
    private final CurrentActor actor;
    private final InterdictConfig config;
    private final Clock clock;

    public RuleSetResource(RuleSetQueries queries, RuleSetDownloads downloads, VersionDecisions decisions,
            CurrentActor actor, InterdictConfig config, Clock clock) {
        this.queries = queries;
        this.downloads = downloads;
        this.decisions = decisions;
        this.actor = actor;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The current version's metadata", description = "With `at`, the version that was current "
            + "at that instant. `held` shows a version the circuit breaker holds for a supervisor.")
    public RuleSetStatus status(@PathParam("isp") String isp, @QueryParam("at") String at) {
        access(isp);
        Instant instant = QueryParams.pastInstant("at", at, clock.instant());
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
    @Path("/current")
    @Operation(summary = "The current version in an appliance format", description = "Formats: json (rules with "
            + "provenance), txt (`type` selects one rule type), rpz, hosts, unbound, dnsmasq, nftables, ipset, squid, csv. "
            + "Headers carry the version, digest and Ed25519 signature; a matching If-None-Match answers 304. "
            + "X-Interdict-Rules-Not-Carried and -Rejected count what the format cannot hold (see /report).")
    public Uni<Response> current(@PathParam("isp") String isp, @QueryParam("format") String format,
            @QueryParam("type") String type, @HeaderParam("If-None-Match") String ifNoneMatch) {
        IspVisibility.requireRead(actor.get(), isp);
        RuleSetDownloads.Request request = RuleSetDownloads.Request.of(format, type);
        // The hot path of every appliance poll: an unchanged rule set held in memory is answered 304 right here on
        // the I/O thread; anything that may read the database or stream content moves to a worker thread.
        VersionView cached = downloads.cachedCurrent(isp);
        if (cached != null && downloads.notModified(cached, request, ifNoneMatch)) {
            return Uni.createFrom().item(downloads.serve(cached, request, ifNoneMatch));
        }
        return Uni.createFrom().item(() -> {
            VersionView version;
            try {
                version = downloads.current(isp);
            } catch (ProblemException e) {
                // ISPs are never deleted, so only a missing current version needs telling apart from a missing ISP.
                queries.requireIsp(isp);
                throw e;
            }
            return downloads.serve(version, request, ifNoneMatch);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @GET
    @Path("/versions/{n}")
    @Operation(summary = "One retained version, in a format (default json: rules with provenance)")
    public Response version(@PathParam("isp") String isp, @PathParam("n") long number,
            @QueryParam("format") String format, @QueryParam("type") String type,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        access(isp);
        return downloads.serve(queries.version(isp, number), RuleSetDownloads.Request.of(format, type), ifNoneMatch);
    }

    @GET
    @Path("/versions/{n}/report")
    @Operation(summary = "What a format leaves out of a version or could not encode (e.g. names too long for RPZ)")
    public RenderReport report(@PathParam("isp") String isp, @PathParam("n") long number,
            @QueryParam("format") String format, @QueryParam("type") String type) {
        access(isp);
        return downloads.report(queries.version(isp, number), RuleSetDownloads.Request.of(format, type));
    }

    @GET
    @Path("/delta")
    @Operation(summary = "What changed between two retained versions", description = "`to` defaults to the current "
            + "version; 410 Gone when `from` is no longer retained.")
    public Response delta(@PathParam("isp") String isp, @QueryParam("from") Long from, @QueryParam("to") Long to) {
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
        RuleSetSignatures.Signed signed = downloads.signature(target);
        DeltaView body = new DeltaView(isp, from, target.version(), older.version().digest(), target.digest(),
                delta.added(), delta.removed());
        // The signature is the target version's: applying the delta must give rules with exactly that digest.
        return Response.ok(body).header("X-Interdict-Version", target.version())
                .header("X-Interdict-Digest", target.digest()).header("X-Interdict-Signature", signed.signature())
                .header("X-Interdict-Key-Id", signed.keyId()).build();
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
        IspVisibility.requireRead(actor.get(), isp);
        queries.requireIsp(isp);
    }
}
