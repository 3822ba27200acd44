package org.interdict.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.interdict.config.InterdictConfig;
import org.jboss.logging.Logger;

/**
 * Refuses user tokens that SmallRye JWT accepts once their signature, issuer and expiry check out: issued in the
 * future (beyond the clock skew), older than {@code interdict.tokens.max-age} or valid for longer than it, or with
 * a claim we read ({@code isp}, {@code name}, {@code authority}, {@code groups}) of the wrong JSON type, which would
 * otherwise fail later as a server error, or an officer or supervisor token that names no authority. The refusal is an authentication failure: 401, like any other bad token.
 */
@ApplicationScoped
public class TokenChecks implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(TokenChecks.class);

    private final ObjectMapper json;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration skew;

    public TokenChecks(ObjectMapper json, Clock clock, InterdictConfig config,
            @ConfigProperty(name = "mp.jwt.verify.clock.skew") int skewSeconds) {
        this.json = json;
        this.clock = clock;
        this.maxAge = config.tokens().maxAge();
        this.skew = Duration.ofSeconds(skewSeconds);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Optional<String> refusal = refusal(claims(jwt), clock.instant(), maxAge, skew)
                    .or(() -> missingAuthority(identity, jwt));
            if (refusal.isPresent()) {
                LOG.debugf("Token of %s refused: %s", jwt.getName(), refusal.get());
                return Uni.createFrom().failure(new AuthenticationFailedException(refusal.get()));
            }
        }
        return Uni.createFrom().item(identity);
    }

    /** Why a token with these (verified) claims must be refused at {@code now}, if it must. */
    static Optional<String> refusal(JsonNode claims, Instant now, Duration maxAge, Duration skew) {
        JsonNode iat = claims.get("iat");
        JsonNode exp = claims.get("exp");
        if (iat == null || !iat.isIntegralNumber() || exp == null || !exp.isIntegralNumber()) {
            return Optional.of("iat and exp must be whole numbers of seconds");
        }
        Instant issued = Instant.ofEpochSecond(iat.asLong());
        Instant expires = Instant.ofEpochSecond(exp.asLong());
        if (issued.isAfter(now.plus(skew))) {
            return Optional.of("issued in the future (iat " + issued + ")");
        }
        if (Duration.between(issued, now).compareTo(maxAge) > 0) {
            return Optional.of("issued more than " + maxAge + " ago (iat " + issued + ")");
        }
        if (Duration.between(issued, expires).compareTo(maxAge) > 0) {
            return Optional.of("valid for longer than " + maxAge + " (iat " + issued + ", exp " + expires + ")");
        }
        for (String name : new String[] {"isp", "name", "authority"}) {
            JsonNode value = claims.get(name);
            if (value != null && !value.isTextual()) {
                return Optional.of("the " + name + " claim is not a string");
            }
        }
        JsonNode groups = claims.get("groups");
        if (groups != null && !groups.isTextual() && !(groups.isArray() && allTextual(groups))) {
            return Optional.of("the groups claim is not a list of strings");
        }
        return Optional.empty();
    }

    /** Officers and supervisors act for an authority: a token that does not name one cannot be trusted with either. */
    static Optional<String> missingAuthority(SecurityIdentity identity, JsonWebToken jwt) {
        boolean issuesOrders = identity.hasRole(Roles.OFFICER) || identity.hasRole(Roles.SUPERVISOR);
        String authority = jwt.getClaim("authority");
        if (issuesOrders && (authority == null || authority.isBlank())) {
            return Optional.of("an officer or supervisor token must name an authority (claim authority)");
        }
        return Optional.empty();
    }

    private static boolean allTextual(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** The payload of the compact token, whose signature SmallRye JWT has verified. */
    private JsonNode claims(JsonWebToken jwt) {
        String[] parts = jwt.getRawToken().split("\\.");
        try {
            return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new AuthenticationFailedException("unreadable token payload", e);
        }
    }
}
