package org.interdict.directive;

import jakarta.enterprise.context.ApplicationScoped;
import org.interdict.category.ReasonCategory;
import org.interdict.config.InterdictConfig;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.paging.QueryParams;
import org.interdict.security.Actor;

/**
 * The directive list as the API and the console both offer it: the filters read from their text the same way (a bad
 * value is the same 400 naming the parameter), then {@link DirectiveService#list}.
 */
@ApplicationScoped
public class DirectiveListing {

    /**
     * The filters as given, text; null or blank means "any". {@code implementing} is a directive id or legal reference,
     * {@code target} a target normalised before it is looked up; {@code limit} null takes the configured default.
     */
    public record Query(String status, String kind, String category, String authority, String implementing,
            String isp, String text, String target, String cursor, Integer limit) {}

    private final DirectiveService service;
    private final DirectiveTargets targets;
    private final InterdictConfig.Paging paging;

    public DirectiveListing(DirectiveService service, DirectiveTargets targets, InterdictConfig config) {
        this.service = service;
        this.targets = targets;
        this.paging = config.paging();
    }

    public Page<DirectiveView> list(Query query, Actor actor) {
        DirectiveFilter base = new DirectiveFilter(
                QueryParams.enumValue("status", query.status(), DirectiveStatus.class),
                QueryParams.enumValue("kind", query.kind(), DirectiveKind.class),
                QueryParams.value("category", query.category(), ReasonCategory::fromCode, "a reason category code"),
                QueryParams.text(query.authority()), service.resolveReferences(QueryParams.text(query.implementing())),
                QueryParams.text(query.isp()), QueryParams.text(query.text()), null, null,
                Cursors.decode(query.cursor()), Cursors.limit(query.limit(), paging.defaultLimit(), paging.maxLimit()),
                false);
        String targetValue = QueryParams.text(query.target());
        DirectiveFilter filter = targetValue == null ? base
                : base.withDirectiveIds(targets.directivesHolding(targetValue));
        return service.list(filter, actor);
    }

    /**
     * The directives of {@code authority} that wait for a supervisor's decision, the longest waiting (the first
     * submitted) first, as a supervisor works through them; visibility as in {@link #list}.
     */
    public Page<DirectiveView> awaitingApproval(String authority, String cursor, Integer limit, Actor actor) {
        return service.list(new DirectiveFilter(DirectiveStatus.PENDING_APPROVAL, null, null, QueryParams.text(authority),
                null, null, null, null, null, Cursors.decode(cursor),
                Cursors.limit(limit, paging.defaultLimit(), paging.maxLimit()), true), actor);
    }
}
