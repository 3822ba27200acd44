package org.interdict.ruleset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.ruleset.dto.PreviewView;
import org.interdict.security.Roles;

@Path("/api/v1/directives/{id}/preview")
@Tag(name = "Directives")
public class PreviewResource {

    private final PreviewService previews;

    public PreviewResource(PreviewService previews) {
        this.previews = previews;
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "What approving this directive would change", description = "Rules it would add per group of "
            + "ISPs, targets already covered by other directives, allowlist conflicts, guard warnings, and whether the "
            + "circuit breaker would hold the version. Writes nothing.")
    public PreviewView preview(@PathParam("id") long id) {
        return previews.preview(id);
    }
}
