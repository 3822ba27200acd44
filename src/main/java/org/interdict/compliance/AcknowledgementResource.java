package org.interdict.compliance;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.appliance.ApplianceIdentityProvider;
import org.interdict.compliance.dto.StatusReceipt;
import org.interdict.compliance.dto.StatusReport;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;

/** Acknowledgements, on a path of their own: the appliances resource would otherwise claim it. */
@Path("/api/v1/appliances/self/status")
@Tag(name = "Compliance", description = "Acknowledgements from appliances and who enforces what, and when")
public class AcknowledgementResource {

    private final Acknowledgements acknowledgements;
    private final CurrentActor actor;
    private final SecurityIdentity identity;

    public AcknowledgementResource(Acknowledgements acknowledgements, CurrentActor actor, SecurityIdentity identity) {
        this.acknowledgements = acknowledgements;
        this.actor = actor;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.APPLIANCE)
    @Operation(summary = "Report whether a version was applied", description = "Authenticated with the appliance's "
            + "token. A version its ISP does not have is refused (404), one never published too (409).")
    public StatusReceipt report(@NotNull @Valid StatusReport report) {
        Long appliance = identity.getAttribute(ApplianceIdentityProvider.APPLIANCE_ATTRIBUTE);
        if (appliance == null) {
            // A human token that merely claims the role: there is no appliance behind it.
            throw new ProblemException(ErrorCategory.FORBIDDEN, "forbidden", "Forbidden",
                    "Only an appliance token identifies an appliance");
        }
        return acknowledgements.record(appliance, actor.get().isp(), report);
    }
}
