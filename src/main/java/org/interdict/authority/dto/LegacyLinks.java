package org.interdict.authority.dto;

import java.util.List;

/** The directives recorded before the registry that were just linked to the authority. */
public record LegacyLinks(List<Long> linked) {}
