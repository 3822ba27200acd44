package org.interdict.console;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.interdict.config.InterdictConfig;

/**
 * Who may open the transparency page and its CSV without signing in: everyone when
 * {@code interdict.transparency.public} is true, as the API's report is then open to everyone; otherwise a visitor
 * without a session is sent to sign in like on every other page, and the page itself lets in auditors and
 * administrators only.
 */
@ApplicationScoped
public class PublicTransparencyPolicy implements HttpSecurityPolicy {

    private final InterdictConfig config;

    public PublicTransparencyPolicy(InterdictConfig config) {
        this.config = config;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        if (config.transparency().publicReport()) {
            return Uni.createFrom().item(CheckResult.PERMIT);
        }
        return identity.map(caller -> caller.isAnonymous() ? CheckResult.DENY : CheckResult.PERMIT);
    }

    @Override
    public String name() {
        return "transparency-page";
    }
}
