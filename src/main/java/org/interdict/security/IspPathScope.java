package org.interdict.security;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request on an ISP's path ({@code /api/v1/isps/{isp}/...}) is refused with 404 before its body is read when
 * the caller may not see that ISP, so another ISP's engineer cannot learn from a 400 about a malformed body that the
 * operation or the ISP exists. The services check the same through {@link IspVisibility}, for their other callers.
 */
public class IspPathScope {

    private final CurrentActor actor;

    public IspPathScope(CurrentActor actor) {
        this.actor = actor;
    }

    @ServerRequestFilter
    public void requireVisibleIsp(UriInfo uri) {
        String isp = uri.getPathParameters().getFirst("isp");
        if (isp != null) {
            IspVisibility.requireRead(actor.get(), isp);
        }
    }
}
