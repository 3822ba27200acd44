package org.interdict.ruleset;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interdict.compile.CompileResult;
import org.interdict.compile.Delta;
import org.interdict.compile.RuleMatcher;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleSetCompiler;
import org.interdict.compile.RuleType;
import org.interdict.compile.TargetRule;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ProblemException;
import org.interdict.ruleset.dto.PreviewView;
import org.interdict.ruleset.dto.VersionView;

/** Compiles as if a directive were in force, without writing anything, and reports the difference. */
@ApplicationScoped
public class PreviewService {

    private static final int SAMPLE = 100;

    private final AgroalDataSource dataSource;
    private final RuleSetQueries queries;
    private final InterdictConfig config;
    private final Clock clock;
    private final RuleSetCompiler compiler = new RuleSetCompiler();

    public PreviewService(AgroalDataSource dataSource, RuleSetQueries queries, InterdictConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.queries = queries;
        this.config = config;
        this.clock = clock;
    }

    public PreviewView preview(long directiveId) {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            CompileInputs inputs = CompileInputs.load(c, clock.instant(), directiveId);
            if (!inputs.directives().containsKey(directiveId)) {
                throw ProblemException.notFound("Directive", directiveId);
            }
            List<TargetRule> own = CompileInputs.targetsOf(c, List.of(directiveId));
            CircuitBreaker breaker = CircuitBreaker.of(config.rulesets().breaker());
            List<PreviewView.Audience> audiences = new ArrayList<>();
            Map<String, PreviewView.Covered> covered = new LinkedHashMap<>();
            List<org.interdict.compile.Conflict> conflicts = new ArrayList<>();
            for (Map.Entry<List<Long>, List<String>> group : inputs.audiences().entrySet()) {
                if (!group.getKey().contains(directiveId)) {
                    continue;
                }
                CompileResult result = compiler.compile(CompileInputs.targetsOf(c, group.getKey()), inputs.allowlist());
                String isp = group.getValue().get(0);
                VersionView currentVersion = queries.current(isp);
                RuleSet current = currentVersion == null ? RuleSet.empty() : queries.content(currentVersion).rules();
                Delta delta = Delta.between(current, result.ruleSet());
                int added = delta.added().values().stream().mapToInt(List::size).sum();
                int removed = delta.removed().values().stream().mapToInt(List::size).sum();
                List<String> sample = delta.added().values().stream().flatMap(List::stream).limit(SAMPLE).toList();
                Set<Long> approved = VersionWriter.approvalsSince(c, isp,
                        currentVersion == null ? null : currentVersion.version());
                approved.add(directiveId);
                audiences.add(new PreviewView.Audience(group.getValue(), added, removed, sample, breaker.trips(
                        current.size(), CircuitBreaker.unexplained(current, result.ruleSet(), delta, approved))));
                collectCovered(own, current, directiveId, covered);
                result.conflicts().stream().filter(x -> x.directiveId() == directiveId && !conflicts.contains(x))
                        .forEach(conflicts::add);
            }
            return new PreviewView(directiveId, audiences, List.copyOf(covered.values()), conflicts, flagged(c, directiveId));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Targets of the directive that the current rules of other directives already block. */
    private static void collectCovered(List<TargetRule> own, RuleSet current, long directiveId,
            Map<String, PreviewView.Covered> covered) {
        RuleMatcher matcher = new RuleMatcher(current);
        for (TargetRule target : own) {
            List<RuleMatcher.Match> matches = switch (target.type()) {
                case DOMAIN -> matcher.matchDomain(target.value());
                case DOMAIN_TREE -> matcher.matchDomain(target.value()).stream()
                        .filter(m -> m.type() == RuleType.DOMAIN_TREE).toList();
                case URL -> matcher.matchUrl(target.value());
                case IP -> coveringBlock(matcher, target.value());
            };
            matches.stream().filter(m -> !m.directiveIds().equals(List.of(directiveId))).findFirst()
                    .ifPresent(m -> covered.putIfAbsent(target.type() + " " + target.value(), new PreviewView.Covered(
                            target.type().name(), target.value(), m.rule(), m.directiveIds())));
        }
    }

    private static List<RuleMatcher.Match> coveringBlock(RuleMatcher matcher, String value) {
        int slash = value.indexOf('/');
        if (slash < 0) {
            return matcher.matchAddress(value);
        }
        int prefix = Integer.parseInt(value.substring(slash + 1));
        return matcher.matchAddress(value.substring(0, slash)).stream()
                .filter(m -> Integer.parseInt(m.rule().substring(m.rule().indexOf('/') + 1)) <= prefix).toList();
    }

    private static List<PreviewView.Flagged> flagged(Connection c, long directiveId) throws SQLException {
        List<PreviewView.Flagged> flagged = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, value, justification,"
                + " array(select jsonb_array_elements(guards) ->> 'code') from directive_target"
                + " where directive_id = ? and jsonb_array_length(guards) > 0 order by id")) {
            s.setLong(1, directiveId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    flagged.add(new PreviewView.Flagged(rows.getLong(1), rows.getString(2),
                            List.of((String[]) rows.getArray(4).getArray()), rows.getString(3)));
                }
            }
        }
        return flagged;
    }
}
