package org.interdict.ruleset;

import org.interdict.error.ProblemException;
import org.interdict.security.Actor;

/** ISP-bound callers (engineers) see only their own ISP: any other is reported as not found, not forbidden. */
public final class IspAccess {

    private IspAccess() {}

    public static void require(Actor actor, String isp) {
        if (!actor.readsEveryIsp() && !isp.equals(actor.isp())) {
            throw ProblemException.notFound("ISP", isp);
        }
    }
}
