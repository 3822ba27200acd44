package org.interdict.signing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.security.Roles;

@Path("/api/v1/signing-keys")
@Tag(name = "Signing keys", description = "Public keys that verify rule-set signatures")
public class SigningKeyResource {

    private final SigningKeys keys;

    public SigningKeyResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ISP_ENGINEER, Roles.AUDITOR, Roles.ADMIN, Roles.APPLIANCE})
    @Operation(summary = "Public keys, current first", description = "A signature names its key id; during a rotation "
            + "the previous keys stay listed. Signed message: `interdict-ruleset-v1\\n<isp>\\n<version>\\n<digest>\\n`.")
    public List<SigningKeys.PublishedKey> list() {
        return keys.published();
    }
}
