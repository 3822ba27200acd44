package org.interdict.appliance;

import java.time.Instant;
import org.interdict.appliance.dto.ApplianceView;

/** The one place where an appliance entity becomes its API view. */
final class ApplianceMapper {

    private ApplianceMapper() {}

    /** {@code seenSince} is a contact not yet written to the database, or null. */
    static ApplianceView toView(Appliance a, Instant seenSince) {
        Instant lastSeen = a.lastSeenAt;
        if (seenSince != null && (lastSeen == null || seenSince.isAfter(lastSeen))) {
            lastSeen = seenSince;
        }
        return new ApplianceView(a.id, a.ispId, a.name, a.kind, a.preferredFormat,
                new ApplianceView.TokenStatus(a.tokenHint, a.tokenIssuedAt, a.tokenRevokedAt, a.tokenRevokedAt == null),
                lastSeen, a.createdBy, a.createdAt, a.updatedAt);
    }
}
