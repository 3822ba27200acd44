package org.interdict.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.appliance.ApplianceKind;
import org.interdict.appliance.ApplianceService;
import org.interdict.appliance.dto.ApplianceCreate;
import org.interdict.appliance.dto.ApplianceView;
import org.interdict.appliance.dto.IssuedToken;
import org.interdict.compliance.AlertPeriodCompliance;
import org.interdict.compliance.ComplianceService;
import org.interdict.compliance.Enforcement;
import org.interdict.compliance.dto.AlertPeriodComplianceView;
import org.interdict.compliance.dto.ComplianceView.ApplianceCompliance;
import org.interdict.compliance.dto.ComplianceView.IspCompliance;
import org.interdict.compliance.dto.EnforcementView;
import org.interdict.config.InterdictConfig;
import org.interdict.directive.DirectiveListing;
import org.interdict.directive.DirectiveStatus;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.error.Problem;
import org.interdict.export.DirectiveProvenance;
import org.interdict.export.Renderers;
import org.interdict.isp.IspService;
import org.interdict.isp.dto.IspView;
import org.interdict.paging.Page;
import org.interdict.ruleset.RuleSetDownloads;
import org.interdict.ruleset.RuleSetQueries;
import org.interdict.ruleset.dto.VersionView;
import org.interdict.security.IspVisibility;
import org.interdict.security.Roles;
import org.interdict.signing.SigningKeys;

/**
 * An ISP as its engineers see it (officers, supervisors, auditors and administrators may look at any): the current
 * rule set and why it changed, downloads, the signing keys, the appliances with their tokens, and how the directives
 * in force reached them. What a caller may see and change is decided by the services, as for the API.
 */
@Path("/console/isps/{isp}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER})
public class IspPages {

    /** How many recent versions the page explains. */
    static final int RECENT_VERSIONS = 5;

    /** A change a version brought: the directive behind it (null when it is not a block directive) and what happened. */
    public record Change(Long directiveId, String change, DirectiveProvenance directive) {

        /** What happened: {@code approved}, {@code allowlist-added}, {@code isp-registered} (without the ISP). */
        public String kind() {
            int colon = change.indexOf(':');
            return colon < 0 ? change : change.substring(0, colon);
        }

        /** Whom it happened to, for a change about one ISP ({@code isp-registered:vnpt}); empty otherwise. */
        public String subject() {
            int colon = change.indexOf(':');
            return colon < 0 ? "" : change.substring(colon + 1);
        }
    }

    public record VersionChanges(VersionView version, List<Change> changes) {}

    /** An appliance and what the compliance overview knows of it (null before it ever reported). */
    public record ApplianceRow(ApplianceView appliance, ApplianceCompliance compliance) {}

    /** A token shown this once, with the command line that uses it. */
    public record ShownToken(IssuedToken issued, String command) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance isp(PageContext page, IspView isp, VersionView current, IspCompliance state,
                List<VersionChanges> versions, List<String> formats, List<SigningKeys.PublishedKey> keys,
                List<ApplianceRow> appliances, boolean more, boolean manages, ShownToken shown, boolean tokenGone,
                String done, Problem refusal, ApplianceKind[] kinds);

        static native TemplateInstance compliance(PageContext page, IspView isp, IspCompliance state,
                List<EnforcementView> directives, String nextLink, boolean authorityView,
                List<AlertPeriodComplianceView> alertPeriods);
    }

    private final Visit visit;
    private final IspService isps;
    private final RuleSetQueries rulesets;
    private final RuleSetDownloads downloads;
    private final SigningKeys keys;
    private final ApplianceService appliances;
    private final ComplianceService compliance;
    private final Enforcement enforcement;
    private final AlertPeriodCompliance alertPeriods;
    private final DirectiveListing listing;
    private final IssuedTokens issuedTokens;
    private final Validator validator;
    private final InterdictConfig config;

    public IspPages(Visit visit, IspService isps, RuleSetQueries rulesets, RuleSetDownloads downloads, SigningKeys keys,
            ApplianceService appliances, ComplianceService compliance, Enforcement enforcement,
            AlertPeriodCompliance alertPeriods, DirectiveListing listing, IssuedTokens issuedTokens,
            Validator validator, InterdictConfig config) {
        this.alertPeriods = alertPeriods;
        this.visit = visit;
        this.isps = isps;
        this.rulesets = rulesets;
        this.downloads = downloads;
        this.keys = keys;
        this.appliances = appliances;
        this.compliance = compliance;
        this.enforcement = enforcement;
        this.listing = listing;
        this.issuedTokens = issuedTokens;
        this.validator = validator;
        this.config = config;
    }

    @GET
    @Operation(hidden = true)
    public Response isp(@PathParam("isp") String isp, @QueryParam("issued") String issued,
            @QueryParam("done") String done, @Context UriInfo uri) {
        IssuedToken token = issuedTokens.take(issued, visit.actor().subject());
        ShownToken shown = token == null ? null : new ShownToken(token, command(uri, isp, token));
        // A page that carries a token must not be kept by the browser or anything in between.
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(ispPage(isp, shown, issued != null && token == null, done, null)).cacheControl(noStore)
                .build();
    }

    /** The current version in a format, as GET /api/v1/isps/{isp}/ruleset/current serves it, for the session. */
    @GET
    @Path("/download")
    @Produces(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response download(@PathParam("isp") String isp, @QueryParam("format") String format,
            @QueryParam("type") String type) {
        IspVisibility.requireRead(visit.actor(), isp);
        rulesets.requireIsp(isp);
        return downloads.serve(downloads.current(isp), RuleSetDownloads.Request.of(format, type), null);
    }

    @POST
    @Path("/appliances")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.ADMIN})
    @Operation(hidden = true)
    public Response register(@PathParam("isp") String isp, MultivaluedMap<String, String> form) {
        return act(isp, () -> {
            ApplianceCreate request = FormChecks.valid(validator, new ApplianceCreate(form.getFirst("name"),
                    kind(form.getFirst("kind")), form.getFirst("preferredFormat")), visit.locale());
            return shown(isp, appliances.register(isp, request, visit.actor()));
        });
    }

    @POST
    @Path("/appliances/{id}/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.ADMIN})
    @Operation(hidden = true)
    public Response rotate(@PathParam("isp") String isp, @PathParam("id") long id) {
        return act(isp, () -> shown(isp, appliances.rotate(isp, id, visit.actor())));
    }

    @POST
    @Path("/appliances/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ISP_ENGINEER, Roles.ADMIN})
    @Operation(hidden = true)
    public Response revoke(@PathParam("isp") String isp, @PathParam("id") long id) {
        return act(isp, () -> {
            appliances.revoke(isp, id, visit.actor());
            return "/console/isps/" + isp + "?done=revoked#appliances";
        });
    }

    /**
     * The block directives in force for the ISP, each with when it reached the ISP's appliances against its
     * enforcement deadline, as GET /api/v1/directives/{id}/enforcement tells it; for the authorities' people, what
     * the ISP missed in alert periods.
     */
    @GET
    @Path("/compliance")
    @Operation(hidden = true)
    public TemplateInstance compliance(@PathParam("isp") String isp, @QueryParam("cursor") String cursor) {
        IspView view = isps.get(isp, visit.actor());
        Page<DirectiveView> inForce = listing.list(new DirectiveListing.Query(DirectiveStatus.ACTIVE.name(), "BLOCK",
                null, null, null, isp, null, null, cursor, DirectivePages.PAGE_SIZE), visit.actor());
        List<EnforcementView> rows = inForce.items().stream().map(d -> enforcement.of(d.id(), isp)).toList();
        String next = inForce.nextCursor() == null ? null
                : "/console/isps/" + isp + "/compliance?cursor=" + inForce.nextCursor();
        // What the ISP missed in alert periods is the authorities' view (GET /api/v1/compliance/alert-periods).
        boolean authorityView = !visit.actor().has(Roles.ISP_ENGINEER);
        List<AlertPeriodComplianceView> missed = !authorityView ? List.of()
                : alertPeriods.missed(null, isp, visit.actor()).stream()
                        .filter(p -> !p.missedReports().isEmpty() || !p.missedDeadlines().isEmpty()).toList();
        return visit.localized(Templates.compliance(visit.context(), view, state(isp), rows, next, authorityView,
                missed));
    }

    private TemplateInstance ispPage(String isp, ShownToken shown, boolean tokenGone, String done, Problem refusal) {
        IspView view = isps.get(isp, visit.actor());
        Page<ApplianceView> registered = appliances.list(isp, null, config.paging().maxLimit(), visit.actor());
        IspCompliance state = state(isp);
        Map<Long, ApplianceCompliance> reported = new HashMap<>();
        if (state != null) {
            state.appliancesDetail().forEach(a -> reported.put(a.id(), a));
        }
        List<ApplianceRow> rows = registered.items().stream()
                .map(a -> new ApplianceRow(a, reported.get(a.id()))).toList();
        boolean manages = visit.actor().has(Roles.ADMIN)
                || (visit.actor().has(Roles.ISP_ENGINEER) && isp.equals(visit.actor().isp()));
        return visit.localized(Templates.isp(visit.context(), view, rulesets.current(isp), state, recent(isp),
                Renderers.formats(), keys.published(), rows, registered.nextCursor() != null, manages, shown,
                tokenGone, done, refusal, ApplianceKind.values()));
    }

    /** The recent versions with the directives behind each change, by legal reference and authority. */
    private List<VersionChanges> recent(String isp) {
        List<VersionView> versions = rulesets.versions(isp, null, RECENT_VERSIONS).items();
        if (versions.isEmpty()) {
            return List.of();
        }
        Map<Long, DirectiveProvenance> references = rulesets.provenance();
        List<VersionChanges> explained = new ArrayList<>();
        for (VersionView v : versions) {
            List<Change> changes = new ArrayList<>();
            if (v.changes() != null) {
                for (JsonNode note : v.changes()) {
                    Long id = note.hasNonNull("directiveId") ? note.get("directiveId").asLong() : null;
                    changes.add(new Change(id, note.path("change").asText(), id == null ? null : references.get(id)));
                }
            }
            explained.add(new VersionChanges(v, changes));
        }
        return explained;
    }

    private IspCompliance state(String isp) {
        return compliance.overview(isp).isps().stream().filter(i -> i.isp().equals(isp)).findFirst().orElse(null);
    }

    /** Carries out a change and sends the browser on; a refusal is shown on the ISP's page with the API's status. */
    private Response act(String isp, Supplier<String> change) {
        return FormChecks.afterChange(change, refusal -> {
            visit.showing("/console/isps/" + isp);
            return ispPage(isp, null, false, null, refusal);
        });
    }

    /** Keeps the new token for the one page that shows it, and names that page. */
    private String shown(String isp, IssuedToken issued) {
        return "/console/isps/" + isp + "?issued=" + issuedTokens.keep(visit.actor().subject(), issued) + "#issued";
    }

    private static ApplianceKind kind(String code) {
        return FormChecks.read("kind", code, ApplianceKind::fromCode);
    }

    /** The reference client's command line for the new token, with this service's address. */
    private static String command(UriInfo uri, String isp, IssuedToken issued) {
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        String format = issued.appliance().preferredFormat();
        return "INTERDICT_TOKEN=" + issued.token() + " scripts/appliance-sync.sh --url " + base + " --isp " + isp
                + " --format " + format + " --out /var/lib/interdict/" + isp + "." + format + " --loop --interval 60";
    }
}
