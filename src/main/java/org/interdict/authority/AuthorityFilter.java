package org.interdict.authority;

/** What a list of authorities is narrowed to; a null field does not narrow it. */
record AuthorityFilter(AuthorityLevel level, String parent, Boolean active) {}
