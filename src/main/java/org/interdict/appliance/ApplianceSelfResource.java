package org.interdict.appliance;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.appliance.dto.ApplianceView;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.security.Roles;

/** What appliances ask about themselves, authenticated by their own token. */
@Path("/api/v1/appliances")
@Tag(name = "Appliances")
public class ApplianceSelfResource {

    private final ApplianceService service;
    private final SecurityIdentity identity;

    public ApplianceSelfResource(ApplianceService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Path("/self")
    @RolesAllowed(Roles.APPLIANCE)
    @Operation(summary = "The calling appliance's own record", description = "Authenticated with the appliance's "
            + "token (Authorization: Bearer itd_...), so an appliance can check how it is configured.")
    public ApplianceView self() {
        Long id = identity.getAttribute(ApplianceIdentityProvider.APPLIANCE_ATTRIBUTE);
        if (id == null) {
            // A human token that merely claims the role: there is no appliance behind it.
            throw new ProblemException(ErrorCategory.FORBIDDEN, "forbidden", "Forbidden",
                    "Only an appliance token identifies an appliance");
        }
        return service.self(id);
    }
}
