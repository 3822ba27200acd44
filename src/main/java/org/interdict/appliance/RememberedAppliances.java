package org.interdict.appliance;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Which appliance sends a request, told from memory alone: for answers given on the router before Quarkus security
 * runs (unchanged polls). It knows only tokens that {@link ValidTokens} remembers as valid, so a revoked or rotated
 * token is unknown here at once; whatever it does not know goes through {@link ApplianceIdentityProvider}.
 */
@ApplicationScoped
public class RememberedAppliances {

    private final ValidTokens validTokens;
    private final LastSeen lastSeen;
    private final Clock clock;

    public RememberedAppliances(ValidTokens validTokens, LastSeen lastSeen, Clock clock) {
        this.validTokens = validTokens;
        this.lastSeen = lastSeen;
        this.clock = clock;
    }

    /**
     * The holder of the appliance token in an {@code Authorization} header when it is remembered as valid, its
     * contact noted as any authenticated request's is; else null.
     */
    public ValidTokens.Holder holder(String authorization) {
        String token = ApplianceAuthMechanism.applianceToken(authorization);
        if (token == null || !ApplianceTokens.wellFormed(token)) {
            return null;
        }
        ValidTokens.Holder holder = validTokens.lookup(ApplianceTokens.hash(token));
        if (holder != null) {
            lastSeen.record(holder.applianceId(), clock.instant());
        }
        return holder;
    }
}
