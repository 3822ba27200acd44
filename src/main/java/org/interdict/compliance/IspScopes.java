package org.interdict.compliance;

import org.interdict.security.Actor;

/** Which ISP a caller is bound to: ISP engineers see their own ISP only; officers, supervisors and auditors all. */
final class IspScopes {

    private IspScopes() {}

    /** The one ISP the caller may see, or null when it may see every ISP. */
    static String boundIsp(Actor actor) {
        return actor.readsEveryIsp() ? null : actor.isp() == null ? "" : actor.isp();
    }
}
