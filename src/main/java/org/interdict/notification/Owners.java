package org.interdict.notification;

import java.util.Optional;
import java.util.regex.Pattern;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.security.Actor;
import org.interdict.security.Roles;

/**
 * Who may manage and see the webhooks of an owner ({@code isp:<isp>}, {@code authority:<authority>},
 * {@code agency:<agency>}), and so the webhook calls in the delivery log. Administrators and auditors see every owner;
 * an ISP's engineers are bound to their ISP, people of an agency to their agency, officers and supervisors to their
 * authority. Another owner's endpoint or call is reported exactly like an unknown one (404).
 */
final class Owners {

    static final String ISP = "isp:";
    static final String AUTHORITY = "authority:";
    static final String AGENCY = "agency:";
    /** The owners that may register webhooks today, and the form of their identifiers. */
    static final Pattern FORM = Pattern.compile("(isp|authority|agency):[a-z0-9][a-z0-9-]{0,62}");

    private Owners() {}

    /**
     * The one owner a confined caller acts for, or empty for callers who see every owner. A caller with no owner of
     * its own is bound to the empty owner, which matches nothing.
     */
    static Optional<String> bound(Actor actor) {
        if (actor.has(Roles.ADMIN) || actor.has(Roles.AUDITOR)) {
            return Optional.empty();
        }
        if (actor.has(Roles.ISP_ENGINEER) && actor.isp() != null) {
            return Optional.of(ISP + actor.isp());
        }
        if ((actor.has(Roles.OFFICER) || actor.has(Roles.SUPERVISOR)) && actor.authority() != null) {
            return Optional.of(AUTHORITY + actor.authority());
        }
        if (actor.has(Roles.AGENCY) && actor.agency() != null) {
            return Optional.of(AGENCY + actor.agency());
        }
        return Optional.of("");
    }

    static boolean canSee(Actor actor, String owner) {
        return bound(actor).map(own -> own.equals(owner)).orElse(true);
    }

    /** Refuses with 404, as for an unknown endpoint or notification, what belongs to an owner the caller may not see. */
    static void requireVisible(Actor actor, String owner, String what, long id) {
        if (owner == null ? bound(actor).isPresent() : !canSee(actor, owner)) {
            throw ProblemException.notFound(what, id);
        }
    }

    /** The owner a new endpoint is for: the one asked (in the caller's scope), else the caller's own. */
    static String forNewEndpoint(Actor actor, String asked) {
        Optional<String> own = bound(actor);
        if (asked == null || asked.isBlank()) {
            if (own.isEmpty() || own.get().isEmpty()) {
                throw ProblemException.invalid("owner", "required", "owner is required: isp:<isp>,"
                        + " authority:<authority> or agency:<agency>");
            }
            return own.get();
        }
        String owner = asked.strip();
        if (!FORM.matcher(owner).matches()) {
            throw ProblemException.invalid("owner", "invalid-owner", "'" + asked + "' is not an owner: expected"
                    + " isp:<isp>, authority:<authority> or agency:<agency>");
        }
        if (own.isPresent() && !own.get().equals(owner)) {
            throw new ProblemException(ErrorCategory.FORBIDDEN, "owner-out-of-scope", "Forbidden",
                    "You may register webhooks for " + (own.get().isEmpty() ? "no owner" : own.get()) + " only");
        }
        return owner;
    }
}
