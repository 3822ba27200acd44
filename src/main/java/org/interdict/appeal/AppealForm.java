package org.interdict.appeal;

import java.util.List;

/**
 * An appeal as filed: the contested targets (one per line, read by the target parser), who appeals, the contact
 * address, the grounds, the collateral damage claimed (null when none) and the evidence files.
 */
public record AppealForm(String targets, String appellantKind, String email, String grounds, String collateral,
        List<Evidence> evidence) {

    /** An uploaded file: the name the sender gave it and its content. */
    public record Evidence(String fileName, byte[] content) {}

    public AppealForm {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
