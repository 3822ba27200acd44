package org.interdict.lookup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.interdict.authority.AuthorityRef;
import org.interdict.category.ReasonCategory;
import org.interdict.compile.RuleMatcher;
import org.interdict.lookup.dto.PublicLookupAnswer;
import org.interdict.lookup.dto.PublicLookupAnswer.PlainWords;
import org.interdict.lookup.dto.PublicLookupAnswer.PublishedOrder;
import org.interdict.persistence.Transactions;
import org.interdict.ruleset.RuleSetQueries;
import org.interdict.ruleset.dto.VersionView;
import org.interdict.target.TargetParser;

/**
 * "Is it blocked, and why?" for anyone: the current rule sets only (no point in time), the orders behind a match
 * without the internals (rules, versions, allowlist). Orders of the child-abuse category are left out before
 * anything is answered, so a name they block is answered exactly as a name nothing blocks.
 */
@ApplicationScoped
public class PublicLookup {

    static final String UNPUBLISHED_CATEGORY = ReasonCategory.CHILD_ABUSE.code();

    private final RuleSetQueries rulesets;
    private final TargetParser parser;
    private final AgroalDataSource dataSource;
    private final LegalBasisWords english;
    private final LegalBasisWords vietnamese;

    public PublicLookup(RuleSetQueries rulesets, TargetParser parser, AgroalDataSource dataSource) {
        this.rulesets = rulesets;
        this.parser = parser;
        this.dataSource = dataSource;
        this.english = MessageBundles.get(LegalBasisWords.class, Localized.Literal.of("en"));
        this.vietnamese = MessageBundles.get(LegalBasisWords.class, Localized.Literal.of("vi"));
    }

    /** {@code isp}: the ISP whose rule set answers, or null for every active ISP's. */
    public PublicLookupAnswer lookup(String q, String isp) {
        LookupQuery query = LookupQuery.parse(q, parser);
        List<String> isps;
        if (isp == null) {
            isps = activeIsps();
        } else {
            rulesets.requireIsp(isp);
            isps = List.of(isp);
        }
        List<PublishedOrder> orders = orders(matchingIds(query, isps));
        return new PublicLookupAnswer(q, query.value(), isp, !orders.isEmpty(), orders,
                words(LegalBasisWords::unpublishedNotice));
    }

    /**
     * The published orders (ids, oldest first) whose rules block {@code target} now for some active ISP: what an
     * appeal against it contests. Orders of unpublished categories are never among them.
     */
    public List<Long> publishedOrderIds(String target) {
        TreeSet<Long> ids = matchingIds(LookupQuery.parse(target, parser), activeIsps());
        if (ids.isEmpty()) {
            return List.of();
        }
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("select id from directive where id = any(?) and category <> ?"
                    + " order by id")) {
                s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                s.setString(2, UNPUBLISHED_CATEGORY);
                List<Long> published = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        published.add(r.getLong(1));
                    }
                }
                return published;
            }
        });
    }

    private TreeSet<Long> matchingIds(LookupQuery query, List<String> isps) {
        TreeSet<Long> ids = new TreeSet<>();
        for (String each : isps) {
            VersionView version = rulesets.current(each);
            if (version != null) {
                query.match(new RuleMatcher(rulesets.content(version).rules()))
                        .forEach(match -> ids.addAll(match.directiveIds()));
            }
        }
        return ids;
    }

    /** The plain words of a category code; the words of "other" for a code without words of its own. */
    public PlainWords plainWords(String category) {
        return switch (category) {
            case "malware" -> words(LegalBasisWords::malware);
            case "phishing" -> words(LegalBasisWords::phishing);
            case "botnet" -> words(LegalBasisWords::botnet);
            case "fraud" -> words(LegalBasisWords::fraud);
            case "gambling" -> words(LegalBasisWords::gambling);
            case "illegal-content" -> words(LegalBasisWords::illegalContent);
            case "copyright" -> words(LegalBasisWords::copyright);
            default -> words(LegalBasisWords::other);
        };
    }

    private PlainWords words(Function<LegalBasisWords, String> message) {
        return new PlainWords(message.apply(vietnamese), message.apply(english));
    }

    private List<String> activeIsps() {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("select id from isp where active order by id");
                    ResultSet r = s.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (r.next()) {
                    ids.add(r.getString(1));
                }
                return ids;
            }
        });
    }

    private List<PublishedOrder> orders(TreeSet<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("select d.legal_reference, a.id, a.name_vi, a.name_en,"
                    + " d.authority_legacy, d.issued_on, d.category, d.legal_basis, d.effective_from from directive d"
                    + " left join authority a on a.id = d.authority_id where d.id = any(?) and d.category <> ?"
                    + " order by d.effective_from, d.id")) {
                s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                s.setString(2, UNPUBLISHED_CATEGORY);
                List<PublishedOrder> orders = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        AuthorityRef authority = r.getString(2) == null ? null
                                : new AuthorityRef(r.getString(2), r.getString(3), r.getString(4));
                        orders.add(new PublishedOrder(r.getString(1), authority, authority == null ? r.getString(5)
                                : null, r.getDate(6).toLocalDate(), r.getString(7), plainWords(r.getString(7)),
                                r.getString(8), r.getTimestamp(9).toInstant()));
                    }
                }
                return orders;
            }
        });
    }
}
