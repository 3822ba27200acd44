package org.interdict.authority;

/** What a list of authorities is narrowed to; a null field does not narrow it. */
public record AuthorityFilter(AuthorityLevel level, String parent, Boolean active) {}
