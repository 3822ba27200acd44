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
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.interdict.config.InterdictConfig;
import org.jboss.logging.Logger;

/**
 * Refuses people's tokens that the OpenID Connect verification accepts: it checks the signature, issuer, audience,
 * expiry (with {@code quarkus.oidc.token.lifespan-grace}) and age ({@code quarkus.oidc.token.age}, set to
 * {@code interdict.tokens.max-age}), but not an {@code iat} in the future, nor a lifetime longer than that maximum
 * age, nor the JSON types of the claims we read ({@code isp}, {@code name}, {@code authority}, {@code agency}, the
 * roles claim), which would otherwise fail later as a server error; nor does it know that officers and supervisors
 * act for an authority, and an agency's people for their agency. The refusal is an authentication failure: 401,
 * like any other bad token.
 */
@ApplicationScoped
public class TokenChecks implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(TokenChecks.class);
    /** The identity attribute naming the OpenID Connect tenant that verified the token. */
    private static final String TENANT_ATTRIBUTE = "tenant-id";
    private static final String DEFAULT_TENANT = "Default";

    private final ObjectMapper json;
    private final Clock clock;
    private final Config settings;
    private final Duration maxAge;
    private final Duration skew;

    public TokenChecks(ObjectMapper json, Clock clock, InterdictConfig config, Config settings) {
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.maxAge = config.tokens().maxAge();
        this.skew = Duration.ofSeconds(settings.getValue("quarkus.oidc.token.lifespan-grace", Integer.class));
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Optional<String> refusal = refusal(claims(jwt), roleClaimPaths(identity), clock.instant(), maxAge, skew)
                    .or(() -> missingAuthority(identity, jwt)).or(() -> missingAgency(identity, jwt));
            if (refusal.isPresent()) {
                LOG.debugf("Token of %s refused: %s", jwt.getName(), refusal.get());
                return Uni.createFrom().failure(new AuthenticationFailedException(refusal.get()));
            }
        }
        return Uni.createFrom().item(identity);
    }

    /** Why a token with these (verified) claims must be refused at {@code now}, if it must. */
    static Optional<String> refusal(JsonNode claims, List<String> roleClaimPaths, Instant now, Duration maxAge,
            Duration skew) {
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
        if (Duration.between(issued, expires).compareTo(maxAge) > 0) {
            return Optional.of("valid for longer than " + maxAge + " (iat " + issued + ", exp " + expires + ")");
        }
        for (String name : new String[] {"isp", "name", "authority", "agency"}) {
            JsonNode value = claims.get(name);
            if (value != null && !value.isTextual()) {
                return Optional.of("the " + name + " claim is not a string");
            }
        }
        for (String path : roleClaimPaths) {
            JsonNode roles = claims.at("/" + path.strip().replace("\"", ""));
            if (!roles.isMissingNode() && !roles.isTextual() && !(roles.isArray() && allTextual(roles))) {
                return Optional.of("the roles claim " + path + " is not a list of strings");
            }
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

    /** People of an agency see what is addressed to their agency: a token that names none is refused outright. */
    static Optional<String> missingAgency(SecurityIdentity identity, JsonWebToken jwt) {
        String agency = jwt.getClaim("agency");
        if (identity.hasRole(Roles.AGENCY) && (agency == null || agency.isBlank())) {
            return Optional.of("an agency token must name an agency (claim agency)");
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

    /** Where the roles are in the tokens of the tenant that verified this one (paths such as realm_access/roles). */
    private List<String> roleClaimPaths(SecurityIdentity identity) {
        String tenant = identity.getAttribute(TENANT_ATTRIBUTE);
        String prefix = tenant == null || tenant.equals(DEFAULT_TENANT) ? "quarkus.oidc." : "quarkus.oidc." + tenant + ".";
        return settings.getOptionalValues(prefix + "roles.role-claim-path", String.class).orElse(List.of());
    }

    /** The payload of the compact token, whose signature the OpenID Connect verification has checked. */
    private JsonNode claims(JsonWebToken jwt) {
        String[] parts = jwt.getRawToken().split("\\.");
        try {
            return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new AuthenticationFailedException("unreadable token payload", e);
        }
    }
}
