package org.interdict.security;

import java.util.Optional;
import org.interdict.error.ProblemException;

/**
 * The one place that decides what a caller may see of the recipients of advisories and alerts: ISPs and agencies.
 * Officers, supervisors, auditors and administrators see every recipient; an ISP engineer acts for the ISP of the
 * token, an agency's people for the agency of the token, and see nothing of other recipients: another recipient's
 * records are reported exactly like unknown ones (404).
 */
public final class RecipientScope {

    private RecipientScope() {}

    /** A recipient of advisories: {@code kind} is {@value #ISP} or {@value #AGENCY}. */
    public record Recipient(String kind, String id) {

        public Recipient {
            if (!kind.equals(ISP) && !kind.equals(AGENCY)) {
                throw new IllegalArgumentException("not a recipient kind: " + kind);
            }
        }

        /** As owners are named in notifications and the audit log: {@code isp:vnpt}, {@code agency:qnam-health}. */
        public String key() {
            return kind + ":" + id;
        }
    }

    public static final String ISP = "isp";
    public static final String AGENCY = "agency";

    /** The recipient the caller acts for: empty for people who work across recipients (authorities, auditors). */
    public static Optional<Recipient> own(Actor actor) {
        if (actor.has(Roles.AGENCY) && actor.agency() != null && !actor.agency().isBlank()) {
            return Optional.of(new Recipient(AGENCY, actor.agency()));
        }
        if (actor.has(Roles.ISP_ENGINEER) && actor.isp() != null && !actor.isp().isBlank()) {
            return Optional.of(new Recipient(ISP, actor.isp()));
        }
        return Optional.empty();
    }

    /** Whether the caller sees every recipient's records. */
    public static boolean readsEveryRecipient(Actor actor) {
        return actor.readsEveryIsp();
    }

    /** Whether the caller may see the agency's record. */
    public static boolean canReadAgency(Actor actor, String agency) {
        return readsEveryRecipient(actor) || agency.equals(actor.agency()) && actor.has(Roles.AGENCY);
    }

    /** Refuses with 404, as for an unknown agency, when the caller may not see the agency. */
    public static void requireAgency(Actor actor, String agency) {
        if (!canReadAgency(actor, agency)) {
            throw ProblemException.notFound("Agency", agency);
        }
    }

    /**
     * The recipient a path names ({@code isp:vnpt}, {@code agency:qnam-health}), when the caller may act on its
     * records: people who work across recipients may name any; confined callers their own only. Any other, and a
     * malformed one, is reported as not found.
     */
    public static Recipient requireRecipient(Actor actor, String written) {
        int colon = written.indexOf(':');
        String kind = colon < 0 ? "" : written.substring(0, colon);
        String id = colon < 0 ? "" : written.substring(colon + 1);
        if ((!kind.equals(ISP) && !kind.equals(AGENCY)) || id.isEmpty()) {
            throw ProblemException.notFound("Recipient", written);
        }
        Recipient named = new Recipient(kind, id);
        if (!readsEveryRecipient(actor) && !own(actor).filter(named::equals).isPresent()) {
            throw ProblemException.notFound("Recipient", written);
        }
        return named;
    }
}
