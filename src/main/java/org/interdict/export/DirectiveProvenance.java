package org.interdict.export;

/**
 * What an export says about a directive behind its rules: its legal reference and the authority that issued it, by
 * id and names; {@code authorityLegacy} instead for a directive recorded before the registry of authorities.
 */
public record DirectiveProvenance(String legalReference, String authorityId, String authorityNameVi,
        String authorityNameEn, String authorityLegacy) {}
