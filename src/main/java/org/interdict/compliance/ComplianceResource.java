package org.interdict.compliance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
    private final CurrentActor actor;

    public ComplianceResource(ComplianceService compliance, CurrentActor actor) {
        this.compliance = compliance;
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
}
