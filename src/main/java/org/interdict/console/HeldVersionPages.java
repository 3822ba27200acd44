package org.interdict.console;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.error.Problem;
import org.interdict.isp.IspService;
import org.interdict.isp.dto.IspView;
import org.interdict.ruleset.HeldVersions;
import org.interdict.ruleset.RuleSetQueries;
import org.interdict.ruleset.VersionDecisions;
import org.interdict.ruleset.dto.VersionDecision;
import org.interdict.ruleset.dto.VersionView;
import org.interdict.security.IspVisibility;
import org.interdict.security.Roles;

/**
 * The versions the circuit breaker holds, one per ISP, with what they would change (rules added and removed, and how
 * many of those follow from no approval). A supervisor confirms one (it becomes current) or refuses it, with a reason
 * on the record, through the same {@link VersionDecisions} as the API; administrators may look, as the API lets them.
 */
@Path("/console/held")
@Produces(MediaType.TEXT_HTML)
public class HeldVersionPages {

    /** A held version with the ISP's name and the version it would replace (null when the ISP has none yet). */
    public record HeldRow(IspView isp, VersionView held, VersionView current) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance held(PageContext page, List<HeldRow> rows, String done, String decidedIsp,
                Long decidedVersion, Problem refusal);
    }

    private final Visit visit;
    private final HeldVersions heldVersions;
    private final RuleSetQueries queries;
    private final VersionDecisions decisions;
    private final IspService isps;
    private final Validator validator;

    public HeldVersionPages(Visit visit, HeldVersions heldVersions, RuleSetQueries queries, VersionDecisions decisions,
            IspService isps, Validator validator) {
        this.visit = visit;
        this.heldVersions = heldVersions;
        this.queries = queries;
        this.decisions = decisions;
        this.isps = isps;
        this.validator = validator;
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(hidden = true)
    public TemplateInstance held(@QueryParam("done") String done, @QueryParam("isp") String isp,
            @QueryParam("version") Long version) {
        return heldPage(done, isp, version, null);
    }

    @POST
    @Path("/{isp}/{n}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(hidden = true)
    public Response confirm(@PathParam("isp") String isp, @PathParam("n") long number,
            MultivaluedMap<String, String> form) {
        return decide(isp, number, true, form);
    }

    @POST
    @Path("/{isp}/{n}/refuse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(hidden = true)
    public Response refuse(@PathParam("isp") String isp, @PathParam("n") long number,
            MultivaluedMap<String, String> form) {
        return decide(isp, number, false, form);
    }

    /** Decides, then shows the list again; a refusal is shown on it with the API's status. */
    private Response decide(String isp, long number, boolean confirm, MultivaluedMap<String, String> form) {
        return FormChecks.afterChange(() -> {
            IspVisibility.requireRead(visit.actor(), isp);
            VersionDecision decision = FormChecks.valid(validator, new VersionDecision(form.getFirst("reason")),
                    visit.locale());
            decisions.decide(isp, number, confirm, decision.reason(), visit.actor());
            return "/console/held?done=" + (confirm ? "confirmed" : "refused") + "&isp="
                    + URLEncoder.encode(isp, StandardCharsets.UTF_8) + "&version=" + number;
        }, refusal -> heldPage(null, null, null, refusal));
    }

    private TemplateInstance heldPage(String done, String decidedIsp, Long decidedVersion, Problem refusal) {
        var actor = visit.actor();
        List<HeldRow> rows = heldVersions.all().stream()
                .filter(h -> IspVisibility.canRead(actor, h.isp()))
                .map(h -> new HeldRow(isps.get(h.isp(), actor), queries.version(h.isp(), h.version()),
                        queries.current(h.isp())))
                .toList();
        return visit.localized(Templates.held(visit.context(), rows, done, decidedIsp, decidedVersion, refusal));
    }
}
