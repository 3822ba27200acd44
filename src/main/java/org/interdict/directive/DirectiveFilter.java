package org.interdict.directive;

import java.util.List;

/**
 * Listing filters; null means "any". {@code directiveIds} narrows to directives holding a given target
 * (resolved beforehand), {@code afterId} is the decoded cursor.
 */
record DirectiveFilter(
        DirectiveStatus status,
        DirectiveKind kind,
        ReasonCategory category,
        String authority,
        String isp,
        String text,
        List<Long> directiveIds,
        Long afterId,
        int limit) {}
