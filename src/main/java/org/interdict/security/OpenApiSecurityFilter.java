package org.interdict.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Declares the appliance token beside the users' JWT in the API document. The security of each operation is
 * generated from its {@code @RolesAllowed}, as the roles of one bearer scheme; appliances, though, do not present
 * a JWT but an {@code itd_} token of their own. So the {@code appliance} role becomes a second scheme,
 * {@value #APPLIANCE_SCHEME}, offered as an alternative wherever appliances are admitted. Operations without roles
 * (the public side) say so explicitly, with the empty requirement: anyone may call them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiSecurityFilter implements OASFilter {

    /** The users' JWT, named by {@code quarkus.smallrye-openapi.security-scheme-name}. */
    static final String BEARER_SCHEME = "bearer";
    static final String APPLIANCE_SCHEME = "applianceToken";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSecurityScheme(APPLIANCE_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("itd_ appliance token")
                .description("The API token of an appliance (itd_...), issued when an ISP engineer registers it"));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values()
                .forEach(item -> item.getOperations().values().forEach(OpenApiSecurityFilter::splitApplianceRole));
    }

    private static void splitApplianceRole(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
            return;
        }
        List<SecurityRequirement> requirements = new ArrayList<>();
        boolean appliances = false;
        for (SecurityRequirement requirement : operation.getSecurity()) {
            List<String> roles = requirement.getScheme(BEARER_SCHEME);
            if (roles == null || !roles.contains(Roles.APPLIANCE)) {
                requirements.add(requirement);
                continue;
            }
            appliances = true;
            List<String> people = roles.stream().filter(role -> !role.equals(Roles.APPLIANCE)).toList();
            if (!people.isEmpty()) {
                requirements.add(OASFactory.createSecurityRequirement().addScheme(BEARER_SCHEME, people));
            }
        }
        if (appliances) {
            requirements.add(OASFactory.createSecurityRequirement().addScheme(APPLIANCE_SCHEME, List.of()));
        }
        operation.setSecurity(requirements);
    }
}
