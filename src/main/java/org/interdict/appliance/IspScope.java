package org.interdict.appliance;

import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.security.Actor;
import org.interdict.security.Roles;

/**
 * Which ISPs' appliances a caller may see and manage. An ISP engineer who may not see an ISP is told it does not
 * exist, exactly as for an unknown one, so that other ISPs' appliances (and the ISPs themselves) stay hidden.
 */
final class IspScope {

    private IspScope() {}

    static void requireRead(Actor actor, String isp) {
        if (!actor.readsEveryIsp() && !engineerOf(actor, isp)) {
            throw ProblemException.notFound("ISP", isp);
        }
    }

    static void requireWrite(Actor actor, String isp) {
        if (actor.has(Roles.ADMIN) || engineerOf(actor, isp)) {
            return;
        }
        requireRead(actor, isp);
        throw new ProblemException(ErrorCategory.FORBIDDEN, "forbidden", "Forbidden",
                "Only the ISP's own engineers or an administrator manage its appliances");
    }

    private static boolean engineerOf(Actor actor, String isp) {
        return actor.has(Roles.ISP_ENGINEER) && actor.isp() != null && actor.isp().equals(isp);
    }
}
