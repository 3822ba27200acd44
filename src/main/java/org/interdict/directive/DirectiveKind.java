package org.interdict.directive;

public enum DirectiveKind {
    /** ISPs block the targets. */
    BLOCK,
    /** A host or platform must remove content by a deadline; may be escalated into a block. */
    TAKEDOWN
}
