package org.interdict.directive;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class DirectiveRepository implements PanacheRepositoryBase<Directive, Long> {

    /** One page, newest first, plus one extra row that tells whether another page follows. */
    Uni<List<Directive>> page(DirectiveFilter filter, Instant now) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.status() != null) {
            appendStatus(where, params, filter.status(), now);
        }
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.category() != null) {
            where.append(" and category = :category");
            params.and("category", filter.category());
        }
        if (filter.authority() != null) {
            where.append(" and lower(authority) like :authority");
            params.and("authority", "%" + likeEscaped(filter.authority()) + "%");
        }
        if (filter.isp() != null) {
            where.append(" and (allIsps = true or array_contains(audience, :isp))");
            params.and("isp", filter.isp());
        }
        if (filter.text() != null) {
            where.append(" and (lower(legalReference) like :text or lower(title) like :text)");
            params.and("text", "%" + likeEscaped(filter.text()) + "%");
        }
        if (filter.directiveIds() != null) {
            where.append(" and id in :ids");
            params.and("ids", filter.directiveIds().isEmpty() ? List.of(-1L) : filter.directiveIds());
        }
        if (filter.afterId() != null) {
            where.append(" and id < :after");
            params.and("after", filter.afterId());
        }
        return find(where + " order by id desc", params).range(0, filter.limit()).list();
    }

    /** Stored statuses lag the clock between scheduler runs; time decides for approved directives. */
    private static void appendStatus(StringBuilder where, Parameters params, DirectiveStatus status, Instant now) {
        switch (status) {
            case SCHEDULED -> where.append(" and status in ('SCHEDULED', 'ACTIVE') and effectiveFrom > :now");
            case ACTIVE -> where.append(" and status in ('SCHEDULED', 'ACTIVE') and effectiveFrom <= :now"
                    + " and (expiresAt is null or expiresAt > :now)");
            case EXPIRED -> where.append(" and (status = 'EXPIRED' or (status in ('SCHEDULED', 'ACTIVE')"
                    + " and expiresAt <= :now))");
            default -> {
                where.append(" and status = :status");
                params.and("status", status);
                return;
            }
        }
        params.and("now", now);
    }

    private static String likeEscaped(String text) {
        return text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
