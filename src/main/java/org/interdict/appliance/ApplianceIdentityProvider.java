package org.interdict.appliance;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.interdict.security.CurrentActor;
import org.interdict.security.Roles;

/**
 * Turns an appliance token into an identity. The token's hash is looked up in PostgreSQL on every request (one
 * index probe, nothing cached), so a revoked or rotated token is refused from the very next request.
 */
@ApplicationScoped
public class ApplianceIdentityProvider implements IdentityProvider<ApplianceTokenRequest> {

    /** Identity attribute holding the appliance id ({@code Long}). */
    public static final String APPLIANCE_ATTRIBUTE = "interdict.appliance";
    public static final String PRINCIPAL_PREFIX = "appliance:";

    private final Pool pool;
    private final LastSeen lastSeen;
    private final Clock clock;

    public ApplianceIdentityProvider(Pool pool, LastSeen lastSeen, Clock clock) {
        this.pool = pool;
        this.lastSeen = lastSeen;
        this.clock = clock;
    }

    @Override
    public Class<ApplianceTokenRequest> getRequestType() {
        return ApplianceTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApplianceTokenRequest request, AuthenticationRequestContext context) {
        return pool.preparedQuery("select id, isp_id from appliance where token_hash = $1 and token_revoked_at is null")
                .execute(Tuple.of(ApplianceTokens.hash(request.token())))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        throw new AuthenticationFailedException("unknown, rotated or revoked appliance token");
                    }
                    Row row = it.next();
                    long id = row.getLong("id");
                    lastSeen.record(id, clock.instant());
                    return QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(PRINCIPAL_PREFIX + id))
                            .addRole(Roles.APPLIANCE)
                            .addAttribute(APPLIANCE_ATTRIBUTE, id)
                            .addAttribute(CurrentActor.ISP_ATTRIBUTE, row.getString("isp_id"))
                            .build();
                });
    }
}
