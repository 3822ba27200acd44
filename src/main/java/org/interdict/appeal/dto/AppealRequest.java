package org.interdict.appeal.dto;

import java.util.List;

/**
 * An appeal filed through the API: the contested targets (each read as a target line; a refusal names its index
 * from 1 as {@code line}), who appeals (site-owner, hosting-provider, user, other), the contact address, the
 * grounds, the collateral damage claimed (shared-hosting, cdn, cloud; null when none) and the evidence files, each
 * with its content in base64.
 */
public record AppealRequest(List<String> targets, String appellantKind, String email, String grounds,
        String collateral, List<EvidenceUpload> evidence) {

    public record EvidenceUpload(String fileName, byte[] content) {}
}
