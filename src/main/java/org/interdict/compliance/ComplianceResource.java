package org.interdict.compliance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.compliance.dto.AlertPeriodComplianceView;
import org.interdict.compliance.dto.ComplianceView;
import org.interdict.paging.QueryParams;
import org.interdict.security.Actor;
import org.interdict.security.CurrentActor;
import org.interdict.security.IspVisibility;
import org.interdict.security.Roles;

@Path("/api/v1/compliance")
@Tag(name = "Compliance")
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER})
public class ComplianceResource {

    private final ComplianceService compliance;
    private final AlertPeriodCompliance alertPeriods;
    private final CurrentActor actor;

    public ComplianceResource(ComplianceService compliance, AlertPeriodCompliance alertPeriods, CurrentActor actor) {
        this.compliance = compliance;
        this.alertPeriods = alertPeriods;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "Per ISP and appliance: the version applied, how far behind, last seen, failures",
            description = "ISP engineers see their own ISP only; `isp` narrows the answer to one ISP. `rulesetState` is "
                    + "HELD while the circuit breaker holds a version of the ISP (`heldVersion`, `heldSince`).")
    public ComplianceView compliance(@QueryParam("isp") String isp) {
        Actor caller = actor.get();
        String asked = QueryParams.text(isp);
        if (asked != null) {
            IspVisibility.requireRead(caller, asked);
        }
        return compliance.overview(IspVisibility.boundIsp(caller).orElse(asked));
    }

    @GET
    @Path("/alert-periods")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Who missed a daily situation report or an enforcement deadline during alert periods",
            description = "The periods that have started, latest first (at most 20): for each, the past days a "
                    + "recipient sent no situation report, and the enforcement deadlines of block directives that fell "
                    + "in the period and that an ISP it addresses missed (`enforcedAt` when enforced late). Officers "
                    + "and supervisors see their authority's periods, auditors and administrators all. `alertPeriod` "
                    + "asks for one period (404 when not seen); `isp` keeps the periods addressing that ISP and its "
                    + "misses only.")
    public List<AlertPeriodComplianceView> alertPeriods(@QueryParam("alertPeriod") Long alertPeriod,
            @QueryParam("isp") String isp) {
        return alertPeriods.missed(alertPeriod, QueryParams.text(isp), actor.get());
    }
}
