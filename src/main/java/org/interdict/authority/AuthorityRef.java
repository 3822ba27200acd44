package org.interdict.authority;

/** An authority as lists, lookups, exports and reports name it: its id and its names in both languages. */
public record AuthorityRef(String id, String nameVi, String nameEn) {}
