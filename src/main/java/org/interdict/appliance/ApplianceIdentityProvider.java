package org.interdict.appliance;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import org.interdict.persistence.Transactions;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;

/**
 * Turns an appliance token into an identity. A token is read from PostgreSQL the first time and then answered
 * from {@link ValidTokens}, which forgets it as soon as any replica revokes or rotates it: a revoked or rotated
 * token is still refused from the very next request, without a database read per poll.
 */
@ApplicationScoped
public class ApplianceIdentityProvider implements IdentityProvider<ApplianceTokenRequest> {

    /** Identity attribute holding the appliance id ({@code Long}). */
    public static final String APPLIANCE_ATTRIBUTE = "interdict.appliance";
    public static final String PRINCIPAL_PREFIX = "appliance:";

    private final AgroalDataSource dataSource;
    private final LastSeen lastSeen;
    private final Clock clock;
    private final ValidTokens validTokens;

    public ApplianceIdentityProvider(AgroalDataSource dataSource, LastSeen lastSeen, Clock clock,
            ValidTokens validTokens) {
        this.dataSource = dataSource;
        this.lastSeen = lastSeen;
        this.clock = clock;
        this.validTokens = validTokens;
    }

    @Override
    public Class<ApplianceTokenRequest> getRequestType() {
        return ApplianceTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApplianceTokenRequest request, AuthenticationRequestContext context) {
        String hash = ApplianceTokens.hash(request.token());
        ValidTokens.Holder known = validTokens.lookup(hash);
        if (known != null) {
            return Uni.createFrom().item(identity(known));
        }
        long generation = validTokens.generation();
        // Only a token not seen before reads the database, on a worker thread: polls never block the event loop.
        return context.runBlocking(() -> {
            ValidTokens.Holder holder = Transactions.read(dataSource, c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "select id, isp_id from appliance where token_hash = ? and token_revoked_at is null")) {
                    s.setString(1, hash);
                    try (ResultSet rows = s.executeQuery()) {
                        return rows.next() ? new ValidTokens.Holder(rows.getLong(1), rows.getString(2)) : null;
                    }
                }
            });
            if (holder == null) {
                throw new AuthenticationFailedException("unknown, rotated or revoked appliance token");
            }
            validTokens.remember(hash, holder, generation);
            return identity(holder);
        });
    }

    private SecurityIdentity identity(ValidTokens.Holder holder) {
        lastSeen.record(holder.applianceId(), clock.instant());
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(PRINCIPAL_PREFIX + holder.applianceId()))
                .addRole(Roles.APPLIANCE)
                .addAttribute(APPLIANCE_ATTRIBUTE, holder.applianceId())
                .addAttribute(CurrentActor.ISP_ATTRIBUTE, holder.isp())
                .build();
    }
}
