package org.interdict.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.security.dto.CallerView;

@Path("/api/v1/me")
@Tag(name = "Caller", description = "Who the token or session belongs to")
public class MeResource {

    private final CurrentActor actor;

    public MeResource(CurrentActor actor) {
        this.actor = actor;
    }

    /** Appliances too: an operator checking which ISP a token belongs to asks the same question. */
    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ISP_ENGINEER, Roles.AUDITOR, Roles.ADMIN, Roles.APPLIANCE,
            Roles.AGENCY})
    @Operation(summary = "The caller: subject, name, roles, authority and ISP",
            description = "What the service reads from the caller's token: the subject recorded as the actor of "
                    + "changes, the roles it grants, the authority an officer or supervisor acts for, the ISP of an "
                    + "engineer or appliance, the agency of an agency's people.")
    public CallerView get() {
        return CallerView.of(actor.get());
    }
}
