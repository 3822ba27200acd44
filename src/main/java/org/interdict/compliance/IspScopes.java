package org.interdict.compliance;

import org.interdict.security.Actor;
import org.interdict.security.Roles;

/** Which ISP a caller is bound to: ISP engineers see their own ISP only; officers, supervisors and auditors all. */
final class IspScopes {

    private IspScopes() {}

    /** The one ISP the caller may see, or null when it may see every ISP. */
    static String boundIsp(Actor actor) {
        boolean everyIsp = actor.has(Roles.OFFICER) || actor.has(Roles.SUPERVISOR) || actor.has(Roles.AUDITOR)
                || actor.has(Roles.ADMIN);
        return everyIsp ? null : actor.isp() == null ? "" : actor.isp();
    }
}
