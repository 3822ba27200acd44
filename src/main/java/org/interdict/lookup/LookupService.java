package org.interdict.lookup;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.interdict.authority.AuthorityRef;
import org.interdict.compile.RuleMatcher;
import org.interdict.compile.RuleSet;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.lookup.dto.LookupAnswer.DirectiveRef;
import org.interdict.lookup.dto.LookupAnswer.MatchedRule;
import org.interdict.lookup.dto.LookupAnswer.Protection;
import org.interdict.lookup.dto.LookupAnswer;
import org.interdict.persistence.Transactions;
import org.interdict.ruleset.RuleSetQueries;
import org.interdict.ruleset.dto.VersionView;
import org.interdict.target.TargetParser;
import org.interdict.version.VersionState;

/** "Is X blocked for ISP Y, since when, and by which order?" Blocking JDBC: callers run on worker threads. */
@ApplicationScoped
public class LookupService {

    /** Older versions read per page while looking for where a rule first appeared. */
    private static final int VERSION_PAGE = 20;

    private final RuleSetQueries rulesets;
    private final TargetParser parser;
    private final AgroalDataSource dataSource;

    public LookupService(RuleSetQueries rulesets, TargetParser parser, AgroalDataSource dataSource) {
        this.rulesets = rulesets;
        this.parser = parser;
        this.dataSource = dataSource;
    }

    public LookupAnswer lookup(String q, String isp, Instant at) {
        LookupQuery query = LookupQuery.parse(q, parser);
        VersionView version = at == null ? rulesets.current(isp) : rulesets.currentAt(isp, at);
        if (version == null) {
            throw new ProblemException(ErrorCategory.NOT_FOUND, "no-ruleset", "No rule set", "ISP " + isp
                    + " had no published rule-set version" + (at == null ? " yet" : " at " + at));
        }
        RuleSet rules = rulesets.content(version).rules();
        List<RuleMatcher.Match> matches = query.match(new RuleMatcher(rules));
        List<MatchedRule> matched = since(isp, version, query, matches);
        TreeSet<Long> ids = new TreeSet<>();
        matches.forEach(m -> ids.addAll(m.directiveIds()));
        return new LookupAnswer(q, query.value(), isp, at, version.version(), version.publishedAt(), !matches.isEmpty(),
                matched, directives(ids), protections(query));
    }

    /**
     * The orders whose rules block {@code target} in the ISP's current version, whatever their category (the ISP
     * holds those rules already); none when it has no version yet.
     */
    public List<Long> orderIds(String target, String isp) {
        VersionView version = rulesets.current(isp);
        if (version == null) {
            return List.of();
        }
        TreeSet<Long> ids = new TreeSet<>();
        LookupQuery.parse(target, parser).match(new RuleMatcher(rulesets.content(version).rules()))
                .forEach(match -> ids.addAll(match.directiveIds()));
        return List.copyOf(ids);
    }

    /**
     * Walks the retained published versions backwards from {@code version} while each matched rule is still present;
     * the last version that held it is where it started, as far as retained content tells.
     */
    private List<MatchedRule> since(String isp, VersionView version, LookupQuery query, List<RuleMatcher.Match> matches) {
        Map<RuleMatcher.Match, VersionView> since = new LinkedHashMap<>();
        matches.forEach(m -> since.put(m, version));
        List<RuleMatcher.Match> open = new ArrayList<>(matches);
        Long before = version.version();
        while (!open.isEmpty() && before != null) {
            var page = rulesets.versions(isp, before, VERSION_PAGE);
            for (VersionView older : page.items()) {
                if (older.state() != VersionState.PUBLISHED || open.isEmpty()) {
                    continue;
                }
                if (!older.contentRetained()) {
                    open.clear();
                    break;
                }
                List<RuleMatcher.Match> found = query.match(new RuleMatcher(rulesets.content(older).rules()));
                open.removeIf(m -> !found.stream().anyMatch(f -> f.type() == m.type() && f.rule().equals(m.rule())));
                open.forEach(m -> since.put(m, older));
            }
            before = page.nextCursor() == null ? null : page.items().get(page.items().size() - 1).version();
        }
        List<MatchedRule> result = new ArrayList<>();
        since.forEach((m, first) -> result.add(new MatchedRule(m.type(), m.rule(), m.directiveIds(), first.version(),
                first.publishedAt(), open.contains(m))));
        return result;
    }

    private List<DirectiveRef> directives(TreeSet<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("select d.id, d.legal_reference, d.title, a.id, a.name_vi,"
                    + " a.name_en, d.authority_legacy, d.issued_on, d.category, d.status from directive d"
                    + " left join authority a on a.id = d.authority_id where d.id = any(?) order by d.id")) {
                s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                List<DirectiveRef> refs = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        AuthorityRef authority = r.getString(4) == null ? null
                                : new AuthorityRef(r.getString(4), r.getString(5), r.getString(6));
                        refs.add(new DirectiveRef(r.getLong(1), r.getString(2), r.getString(3), authority,
                                r.getString(7), r.getDate(8).toLocalDate(), r.getString(9), r.getString(10)));
                    }
                }
                return refs;
            }
        });
    }

    private List<Protection> protections(LookupQuery query) {
        boolean address = query.hostIsAddress();
        String sql = address
                ? "select type, value, reason from allowlist_entry where type = 'CIDR'"
                        + " and value::inet >>= any(?::inet[]) order by value::inet"
                : "select type, value, reason from allowlist_entry where (type = 'DOMAIN' and value = ?)"
                        + " or (type = 'DOMAIN_TREE' and value = any(?)) order by length(value) desc";
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (address) {
                    s.setArray(1, c.createArrayOf("text", query.hostAddresses().toArray()));
                } else {
                    s.setString(1, query.host());
                    s.setArray(2, c.createArrayOf("text", query.hostAndParents().toArray()));
                }
                List<Protection> found = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(new Protection(r.getString(1), r.getString(2), r.getString(3)));
                    }
                }
                return Collections.unmodifiableList(found);
            }
        });
    }
}
