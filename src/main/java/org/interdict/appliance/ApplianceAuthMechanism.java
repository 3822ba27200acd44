package org.interdict.appliance;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Authenticates appliances by {@code Authorization: Bearer itd_...}. It runs before the OpenID Connect mechanism
 * (higher priority) and claims only bearer values that start with {@code itd_}; for anything else it answers no
 * identity, so the OpenID Connect mechanism gets the request and people's tokens and sessions keep working.
 */
@ApplicationScoped
public class ApplianceAuthMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String token = applianceToken(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        if (!ApplianceTokens.wellFormed(token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed appliance token"));
        }
        return identities.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new ApplianceTokenRequest(token), context));
    }

    /**
     * Challenges only requests that presented an appliance token. Challenges are asked of the mechanisms in order of
     * priority until one answers, so answering every request here would keep the sign-in redirect of a browser page
     * from ever being sent.
     */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (applianceToken(context.request().getHeader(HttpHeaders.AUTHORIZATION)) == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApplianceTokenRequest.class);
    }

    /** Ahead of the OpenID Connect mechanism, which would otherwise reject an appliance token as a malformed JWT. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }

    /** The bearer value when it is an appliance token (by its prefix), else null. */
    static String applianceToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String value = authorization.substring(BEARER.length()).strip();
        return value.startsWith(ApplianceTokens.PREFIX) ? value : null;
    }
}
