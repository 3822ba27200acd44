package org.interdict.security;

import java.util.Optional;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;

/**
 * The one place that decides what a caller may see and change of an ISP. Officers, supervisors, auditors and
 * administrators see every ISP; ISP engineers and appliances are confined to the ISP their token names. An ISP the
 * caller may not see is reported exactly like an unknown one (404), so that other ISPs' records, and even which ISPs
 * exist, stay hidden. Roles themselves are checked by {@code @RolesAllowed} before any of this runs.
 */
public final class IspVisibility {

    private IspVisibility() {}

    /** Whether the caller may see the ISP's records (its rule sets, appliances, compliance). */
    public static boolean canRead(Actor actor, String isp) {
        return actor.readsEveryIsp() || isp.equals(actor.isp());
    }

    /** Refuses with 404, as for an unknown ISP, when the caller may not see the ISP. */
    public static void requireRead(Actor actor, String isp) {
        if (!canRead(actor, isp)) {
            throw ProblemException.notFound("ISP", isp);
        }
    }

    /**
     * Refuses unless the caller may manage the ISP's own resources (its appliances and their tokens): an
     * administrator, or an engineer of that ISP. A caller who may not even see the ISP gets 404; one who may see
     * it but not change it gets 403.
     */
    public static void requireWrite(Actor actor, String isp) {
        if (actor.has(Roles.ADMIN) || (actor.has(Roles.ISP_ENGINEER) && isp.equals(actor.isp()))) {
            return;
        }
        requireRead(actor, isp);
        throw new ProblemException(ErrorCategory.FORBIDDEN, "forbidden", "Forbidden",
                "Only the ISP's own engineers or an administrator may change its records");
    }

    /**
     * The one ISP a confined caller may see, for queries that must filter in the database rather than check one
     * ISP: empty when the caller sees every ISP. A confined caller whose token names no ISP is bound to the empty
     * identifier, which matches no ISP, so it sees nothing.
     */
    public static Optional<String> boundIsp(Actor actor) {
        if (actor.readsEveryIsp()) {
            return Optional.empty();
        }
        return Optional.of(actor.isp() == null ? "" : actor.isp());
    }
}
