package org.interdict.ruleset;

import org.interdict.error.ProblemException;
import org.interdict.security.Actor;
import org.interdict.security.Roles;

/** ISP-bound callers (engineers) see only their own ISP: any other is reported as not found, not forbidden. */
public final class IspAccess {

    private IspAccess() {}

    public static void require(Actor actor, String isp) {
        boolean boundToIsp = !actor.has(Roles.OFFICER) && !actor.has(Roles.SUPERVISOR) && !actor.has(Roles.AUDITOR)
                && !actor.has(Roles.ADMIN);
        if (boundToIsp && !isp.equals(actor.isp())) {
            throw ProblemException.notFound("ISP", isp);
        }
    }
}
