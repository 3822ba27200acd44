package org.interdict.compliance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.compliance.dto.EnforcementView;
import org.interdict.security.CurrentActor;
import org.interdict.security.IspVisibility;
import org.interdict.security.Roles;

/** On a path of its own, as the directives resource would otherwise claim it. */
@Path("/api/v1/directives/{id}/enforcement")
@Tag(name = "Compliance")
public class EnforcementResource {

    private final Enforcement enforcement;
    private final CurrentActor actor;

    public EnforcementResource(Enforcement enforcement, CurrentActor actor) {
        this.enforcement = enforcement;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN, Roles.ISP_ENGINEER})
    @Operation(summary = "Time to enforce a block directive", description = "Per ISP in its audience: when the first "
            + "version carrying it was published, and when each appliance first confirmed that version or a later "
            + "one, against the directive's enforcement deadline; `waitingBehind` names the version the circuit breaker "
            + "holds that the directive waits behind, and since when.")
    public EnforcementView enforcement(@PathParam("id") long id) {
        return enforcement.of(id, IspVisibility.boundIsp(actor.get()).orElse(null));
    }
}
