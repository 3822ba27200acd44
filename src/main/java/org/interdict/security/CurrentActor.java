package org.interdict.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of the current request. */
@RequestScoped
public class CurrentActor {

    /** Identity attribute naming the caller's ISP, set by authentication mechanisms other than JWT. */
    public static final String ISP_ATTRIBUTE = "interdict.isp";

    private final SecurityIdentity identity;

    public CurrentActor(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Actor get() {
        String name = null;
        String isp = null;
        String authority = null;
        String agency = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            name = jwt.getClaim("name");
            isp = jwt.getClaim("isp");
            authority = jwt.getClaim("authority");
            agency = jwt.getClaim("agency");
        } else {
            isp = identity.getAttribute(ISP_ATTRIBUTE);
        }
        return new Actor(identity.getPrincipal().getName(), name, identity.getRoles(), isp, authority, agency);
    }
}
