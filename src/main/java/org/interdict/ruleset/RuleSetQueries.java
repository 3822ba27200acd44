package org.interdict.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.export.DirectiveProvenance;
import org.interdict.paging.Cursors;
import org.interdict.paging.Page;
import org.interdict.ruleset.dto.RuleSetStatus;
import org.interdict.ruleset.dto.VersionView;
import org.interdict.version.VersionState;

/** Reads of versions and their content. Blocking JDBC: callers run on worker threads. */
@ApplicationScoped
public class RuleSetQueries {

    private static final String COLUMNS = "isp_id, number, digest, state, follows, created_at, published_at,"
            + " counts::text, added, removed, changes::text, conflicts::text, decided_by, decided_at,"
            + " decision_reason, content_key, provenance_digest, unexplained,"
            + " case when state = 'HELD' then coalesce(held_since, created_at) else held_since end";
    private static final TypeReference<Map<RuleType, Integer>> COUNTS = new TypeReference<>() {};

    private final AgroalDataSource dataSource;
    private final RuleSetContents contents;
    private final ObjectMapper json;

    public RuleSetQueries(AgroalDataSource dataSource, RuleSetContents contents, ObjectMapper json) {
        this.dataSource = dataSource;
        this.contents = contents;
        this.json = json;
    }

    /** A version together with its rules. */
    public record VersionContent(VersionView version, RuleSet rules) {}

    public RuleSetStatus status(String isp) {
        VersionView current = first("where isp_id = ? and state = 'PUBLISHED' order by number desc limit 1", isp);
        VersionView held = first("where isp_id = ? and state = 'HELD' order by number desc limit 1", isp);
        if (current == null && held == null) {
            throw new ProblemException(ErrorCategory.NOT_FOUND, "no-ruleset", "No rule set",
                    "ISP " + isp + " has no rule-set version yet");
        }
        return new RuleSetStatus(isp, current, held);
    }

    /** The current (latest published) version, or null. */
    public VersionView current(String isp) {
        return first("where isp_id = ? and state = 'PUBLISHED' order by number desc limit 1", isp);
    }

    public VersionView version(String isp, long number) {
        VersionView view = first("where isp_id = ? and number = ?", isp, number);
        if (view == null) {
            throw ProblemException.notFound("Version", number + " of ISP " + isp);
        }
        return view;
    }

    /** The rules of a version; 410 Gone when its content is no longer retained. */
    public VersionContent content(VersionView version) {
        RuleSet rules = version.contentRetained()
                ? contents.get(RuleSetContents.key(version.digest(), version.provenanceDigest())) : null;
        if (rules == null) {
            throw new ProblemException(ErrorCategory.GONE, "version-not-retained", "Version not retained",
                    "The rules of version " + version.version() + " of ISP " + version.isp()
                            + " are no longer retained; fetch the current version in full");
        }
        return new VersionContent(version, rules);
    }

    public Page<VersionView> versions(String isp, Long before, int limit) {
        List<VersionView> rows = list("where isp_id = ? and number < ? order by number desc limit ?",
                isp, before == null ? Long.MAX_VALUE : before, limit + 1);
        boolean more = rows.size() > limit;
        List<VersionView> page = more ? rows.subList(0, limit) : rows;
        return new Page<>(page, more ? Cursors.encode(page.get(page.size() - 1).version()) : null);
    }

    /** The version that was current at {@code at}, or null when there was none. */
    public VersionView currentAt(String isp, Instant at) {
        return first("where isp_id = ? and state = 'PUBLISHED' and published_at <= ? order by number desc limit 1",
                isp, Timestamp.from(at));
    }

    /**
     * Legal references and issuing authorities of every block directive, for provenance in exports: directives
     * number in the thousands while rules number in the millions, so reading them all beats collecting ids from the
     * rules.
     */
    public Map<Long, DirectiveProvenance> provenance() {
        Map<Long, DirectiveProvenance> references = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select d.id, d.legal_reference, a.id, a.name_vi, a.name_en,"
                        + " d.authority_legacy from directive d left join authority a on a.id = d.authority_id"
                        + " where d.kind = 'BLOCK'");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                references.put(rows.getLong(1), new DirectiveProvenance(rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getString(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return references;
    }

    /** 404 unless the ISP is registered. */
    public void requireIsp(String isp) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select 1 from isp where id = ?")) {
            s.setString(1, isp);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw ProblemException.notFound("ISP", isp);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private VersionView first(String where, Object... params) {
        List<VersionView> rows = list(where, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<VersionView> list(String where, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from ruleset_version " + where)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<VersionView> views = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    views.add(toView(rows));
                }
            }
            return views;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private VersionView toView(ResultSet rows) throws SQLException {
        try {
            Map<RuleType, Integer> counts = json.readValue(rows.getString(8), COUNTS);
            return new VersionView(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getString(17),
                    VersionState.valueOf(rows.getString(4)), (Long) rows.getObject(5), instant(rows, 6),
                    instant(rows, 7), counts, counts.values().stream().mapToInt(Integer::intValue).sum(),
                    rows.getInt(9), rows.getInt(10), json.readTree(rows.getString(11)), json.readTree(rows.getString(12)),
                    rows.getString(13), instant(rows, 14), rows.getString(15), rows.getString(16) != null,
                    (Integer) rows.getObject(18), instant(rows, 19));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
