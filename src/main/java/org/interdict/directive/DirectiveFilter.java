package org.interdict.directive;

import java.util.List;
import java.util.Set;
import org.interdict.category.ReasonCategory;

/**
 * Listing filters; null means "any". {@code directiveIds} narrows to directives holding a given target
 * (resolved beforehand), {@code visibleStatuses} to what the caller may see at all, {@code afterId} is the decoded
 * cursor. {@code authority} is an authority id; {@code implementing} the ids of directives that the listed ones relay.
 * {@code longestWaitingFirst} pages from the directive submitted longest ago on (a queue is worked from its head);
 * else newest first.
 */
record DirectiveFilter(
        DirectiveStatus status,
        DirectiveKind kind,
        ReasonCategory category,
        String authority,
        List<Long> implementing,
        String isp,
        String text,
        List<Long> directiveIds,
        Set<DirectiveStatus> visibleStatuses,
        Long afterId,
        int limit,
        boolean longestWaitingFirst) {

    DirectiveFilter withDirectiveIds(List<Long> ids) {
        return new DirectiveFilter(status, kind, category, authority, implementing, isp, text, ids, visibleStatuses, afterId, limit,
                longestWaitingFirst);
    }

    DirectiveFilter visibleTo(String onlyIsp, Set<DirectiveStatus> statuses) {
        return new DirectiveFilter(status, kind, category, authority, implementing, onlyIsp, text, directiveIds, statuses, afterId,
                limit, longestWaitingFirst);
    }

    DirectiveFilter withLimit(int rows) {
        return new DirectiveFilter(status, kind, category, authority, implementing, isp, text, directiveIds, visibleStatuses,
                afterId, rows, longestWaitingFirst);
    }
}
