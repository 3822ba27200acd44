package org.interdict.appeal;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.interdict.allowlist.AllowlistService;
import org.interdict.appeal.dto.AppealReceipt;
import org.interdict.appeal.dto.AppealStatusView;
import org.interdict.appeal.dto.AppealStatusView.ContestedTarget;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;
import org.interdict.hash.Sha256;
import org.interdict.lookup.LookupService;
import org.interdict.lookup.PublicLookup;
import org.interdict.notification.EmailNotice;
import org.interdict.notification.Notifications;
import org.interdict.persistence.Transactions;
import org.interdict.target.ParseResult;
import org.interdict.target.Target;
import org.interdict.target.TargetParser;

/**
 * Appeals filed on the public side. An appeal is stored with its targets and evidence at once, but counts as received
 * (enters its authority's queue, starts its deadlines) only when the link e-mailed to its address is followed: an
 * address nobody reads files nothing. The tracking and confirmation secrets are kept as SHA-256 hashes only.
 */
@ApplicationScoped
public class AppealIntake {

    /** Who may appeal, in the order a form offers them. */
    public static final List<String> APPELLANT_KINDS = List.of("site-owner", "hosting-provider", "user", "other");
    /** The collateral damage an appellant may claim, in the order a form offers them. */
    public static final List<String> COLLATERAL_KINDS = List.of("shared-hosting", "cdn", "cloud");
    /** Enough to tell a typing slip; whether the address works is what the confirmation link tells. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_TARGETS = 50;
    private static final int MAX_GROUNDS = 20_000;
    static final String SUBJECT_TYPE = "appeal";

    private final AgroalDataSource dataSource;
    private final TargetParser parser;
    private final PublicLookup lookup;
    private final LookupService ispLookup;
    private final Notifications notifications;
    private final AuditLog audit;
    private final AllowlistService allowlist;
    private final Clock clock;
    private final InterdictConfig.PublicAccess config;
    private final SecureRandom random = new SecureRandom();

    public AppealIntake(AgroalDataSource dataSource, TargetParser parser, PublicLookup lookup, LookupService ispLookup,
            Notifications notifications, AuditLog audit, AllowlistService allowlist, Clock clock,
            InterdictConfig config) {
        this.dataSource = dataSource;
        this.parser = parser;
        this.lookup = lookup;
        this.ispLookup = ispLookup;
        this.notifications = notifications;
        this.audit = audit;
        this.allowlist = allowlist;
        this.clock = clock;
        this.config = config.publicAccess();
    }

    /** A contested target that passed: normalised, and blocked now by these published orders. */
    record Contested(Target target, String input, List<Long> orders) {}

    public AppealReceipt file(AppealForm form) {
        List<Violation> violations = new ArrayList<>();
        List<Contested> contested = contested(form.targets(), null, violations);
        if (form.appellantKind() == null || !APPELLANT_KINDS.contains(form.appellantKind())) {
            violations.add(Violation.ofField("appellantKind", "unknown-kind", "appellantKind is one of "
                    + String.join(", ", APPELLANT_KINDS.stream().sorted().toList())));
        }
        String email = form.email() == null ? "" : form.email().strip();
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            violations.add(Violation.ofField("email", "invalid-email", "email is the address the confirmation link"
                    + " and the decision are sent to"));
        }
        String grounds = form.grounds() == null ? "" : form.grounds().strip();
        if (grounds.isEmpty() || grounds.length() > MAX_GROUNDS) {
            violations.add(Violation.ofField("grounds", grounds.isEmpty() ? "required" : "too-long",
                    "grounds say why the order is wrong, in at most " + MAX_GROUNDS + " characters"));
        }
        String collateral = form.collateral() == null || form.collateral().isBlank() ? null : form.collateral().strip();
        if (collateral != null && !COLLATERAL_KINDS.contains(collateral)) {
            violations.add(Violation.ofField("collateral", "unknown-collateral", "collateral is one of cdn, cloud,"
                    + " shared-hosting, or left out when the appellant claims no collateral damage"));
        }
        List<EvidenceFile> files = evidence(form.evidence(), violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(ErrorCategory.INVALID, "invalid-appeal", "Invalid appeal", violations.size()
                    + " field(s) of the appeal are refused; nothing was filed", violations, violations.size());
        }
        String tracking = secret();
        String confirmation = secret();
        Instant now = clock.instant();
        long id = Transactions.inTransaction(dataSource, c -> {
            long appeal = insertAppeal(c, form.appellantKind(), email, grounds, collateral, tracking, confirmation, now);
            insertTargets(c, appeal, contested);
            insertEvidence(c, appeal, files);
            audit.append(c, new AuditEvent(now, "appellant", "public", "appeal.filed", SUBJECT_TYPE,
                    String.valueOf(appeal), Map.of("targets", contested.stream().map(t -> t.target().value()).toList(),
                            "appellantKind", form.appellantKind(), "collateral", collateral == null ? "none" : collateral,
                            "evidenceFiles", files.size())));
            notifications.email(c, new EmailNotice(email, "Xác nhận khiếu nại số " + appeal + " / Confirm appeal "
                    + appeal, confirmationText(appeal, confirmation, tracking), "appeal:" + appeal + ":filed"));
            return appeal;
        });
        return new AppealReceipt(id, "UNCONFIRMED", now, contested.stream().map(t -> t.target().value()).toList(),
                files.size(), trackingUrl(id, tracking));
    }

    /** Follows the e-mailed link: the appeal is received now (the same answer when it already was). */
    public AppealStatusView confirm(long id, String key) {
        Instant now = clock.instant();
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("update appeal set status = 'RECEIVED', received_at = ?,"
                    + " version = version + 1 where id = ? and confirmation_hash = ? and status = 'UNCONFIRMED'")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setLong(2, id);
                s.setString(3, Sha256.hex(key == null ? "" : key));
                if (s.executeUpdate() == 1) {
                    AppealStatus.openReviews(c, id, now);
                    audit.append(c, new AuditEvent(now, "appellant", "public", "appeal.received", SUBJECT_TYPE,
                            String.valueOf(id), Map.of()));
                    return null;
                }
            }
            try (PreparedStatement s = c.prepareStatement("select 1 from appeal where id = ? and confirmation_hash = ?")) {
                s.setLong(1, id);
                s.setString(2, Sha256.hex(key == null ? "" : key));
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw unknown(id);
                    }
                }
            }
            return null;
        });
        return Transactions.read(dataSource, c -> view(c, id, "id = ?", null));
    }

    /**
     * The appellant withdraws the appeal with its tracking key: every open review closes, a running interim suspension
     * lapses at once. A decided or unconfirmed appeal cannot be withdrawn (409); withdrawing again changes nothing.
     */
    public AppealStatusView withdraw(long id, String key) {
        Instant now = clock.instant();
        String hash = Sha256.hex(key == null ? "" : key);
        boolean lapsed = Transactions.inTransaction(dataSource, c -> {
            String status;
            try (PreparedStatement s = c.prepareStatement("select status from appeal where id = ? and tracking_hash = ?"
                    + " for update")) {
                s.setLong(1, id);
                s.setString(2, hash);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw unknown(id);
                    }
                    status = r.getString(1);
                }
            }
            if (status.equals("WITHDRAWN")) {
                return false;
            }
            // An unconfirmed appeal is in no queue: left unconfirmed, it is never received.
            if (!Set.of("RECEIVED", "UNDER_REVIEW").contains(status)) {
                throw ProblemException.conflict("appeal-state", "Appeal " + id + " is " + status
                        + "; only a received appeal still under review can be withdrawn");
            }
            try (PreparedStatement s = c.prepareStatement("update appeal set status = 'WITHDRAWN', closed_at = ?,"
                    + " version = version + 1 where id = ?")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setLong(2, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("update appeal_review set status = 'WITHDRAWN',"
                    + " closed_at = ?, version = version + 1 where appeal_id = ?"
                    + " and status in ('RECEIVED', 'UNDER_REVIEW')")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setLong(2, id);
                s.executeUpdate();
            }
            List<String> suspended = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select type || ' ' || value from allowlist_entry"
                    + " where appeal_id = ? and expires_at is not null")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        suspended.add(r.getString(1));
                    }
                }
            }
            audit.append(c, new AuditEvent(now, "appellant", "public", "appeal.withdrawn", SUBJECT_TYPE,
                    String.valueOf(id), Map.of("status", status)));
            return allowlist.lapseForAppeal(c, id, suspended, null) > 0;
        });
        if (lapsed) {
            allowlist.wakeCompiler("appeal-withdrawn");
        }
        return status(id, key);
    }

    /** The appeal behind a tracking link; the same 404 for an unknown number and a wrong key. */
    public AppealStatusView status(long id, String key) {
        return Transactions.read(dataSource, c -> view(c, id, "id = ? and tracking_hash = ?",
                Sha256.hex(key == null ? "" : key)));
    }

    private AppealStatusView view(Connection c, long id, String where, String hash) throws SQLException {
        String status;
        String kind;
        String collateral;
        Instant filed;
        Instant received;
        try (PreparedStatement s = c.prepareStatement("select status, appellant_kind, collateral, filed_at, received_at"
                + " from appeal where " + where)) {
            s.setLong(1, id);
            if (hash != null) {
                s.setString(2, hash);
            }
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw unknown(id);
                }
                status = r.getString(1);
                kind = r.getString(2);
                collateral = r.getString(3);
                filed = r.getTimestamp(4).toInstant();
                received = r.getTimestamp(5) == null ? null : r.getTimestamp(5).toInstant();
            }
        }
        List<ContestedTarget> targets = contestedTargets(c, id);
        List<String> evidence = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select file_name from appeal_evidence where appeal_id = ?"
                + " order by id")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    evidence.add(r.getString(1));
                }
            }
        }
        return new AppealStatusView(id, status, kind, collateral, filed, received, targets, evidence, reviews(c, id));
    }

    /** The contested targets, each with the orders that blocked it at filing and whether it is lifted for good. */
    static List<ContestedTarget> contestedTargets(Connection c, long id) throws SQLException {
        List<ContestedTarget> targets = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select t.type, t.value, coalesce(array_agg(d.legal_reference"
                + " order by d.id) filter (where d.id is not null), '{}'), exists (select 1 from allowlist_entry e"
                + " where e.appeal_id = t.appeal_id and e.expires_at is null and e.value = t.value"
                + " and e.type = case t.type when 'IP' then 'CIDR' else t.type end) from appeal_target t"
                + " left join directive d on d.id = any(t.directive_ids) where t.appeal_id = ?"
                + " group by t.id, t.type, t.value order by t.id")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    targets.add(new ContestedTarget(r.getString(1), r.getString(2),
                            List.of((String[]) r.getArray(3).getArray()), r.getBoolean(4)));
                }
            }
        }
        return targets;
    }

    /** Each authority's review: state, outcome and reasons once closed, a running suspension. */
    static List<AppealStatusView.Review> reviews(Connection c, long id) throws SQLException {
        List<AppealStatusView.Review> reviews = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select authority_id, status, outcome, reasons, closed_at,"
                + " case when suspended_until > now() and status in ('RECEIVED', 'UNDER_REVIEW') then suspended_until"
                + " end from appeal_review where appeal_id = ? order by authority_id")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reviews.add(new AppealStatusView.Review(r.getString(1), r.getString(2), r.getString(3),
                            r.getString(4), r.getString(3) == null ? null : r.getTimestamp(5).toInstant(),
                            r.getTimestamp(6) == null ? null : r.getTimestamp(6).toInstant()));
                }
            }
        }
        return reviews;
    }

    /**
     * The targets of an appeal, one per line, each blocked now: by a published order for anyone ({@code isp} null),
     * or in that ISP's current rules when the ISP reports an error.
     */
    List<Contested> contested(String text, String isp, List<Violation> violations) {
        Map<String, Contested> found = new LinkedHashMap<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        int line = 0;
        for (String raw : lines) {
            line++;
            String input = raw.strip();
            if (input.isEmpty()) {
                continue;
            }
            if (found.size() >= MAX_TARGETS) {
                violations.add(Violation.ofLine(line, input, "too-many-targets", "one appeal contests at most "
                        + MAX_TARGETS + " targets", null));
                break;
            }
            ParseResult parsed = parser.parseLine(input);
            if (parsed instanceof ParseResult.Invalid invalid) {
                violations.add(Violation.ofLine(line, input, invalid.problem().code(), invalid.problem().message(),
                        null));
                continue;
            }
            Target target = ((ParseResult.Valid) parsed).target();
            List<Long> orders;
            try {
                orders = isp == null ? lookup.publishedOrderIds(input) : ispLookup.orderIds(input, isp);
            } catch (ProblemException notOneAddress) {
                String code = notOneAddress.violations().isEmpty() ? notOneAddress.code()
                        : notOneAddress.violations().get(0).code();
                violations.add(Violation.ofLine(line, input, code, notOneAddress.getMessage(), null));
                continue;
            }
            if (orders.isEmpty()) {
                violations.add(Violation.ofLine(line, input, "not-blocked", target.value() + (isp == null
                        ? " is not blocked by any published order now: there is nothing to appeal against"
                        : " is not in the current rules of ISP " + isp + ": it blocks nothing there to report"), null));
                continue;
            }
            found.putIfAbsent(target.type() + " " + target.value(), new Contested(target, input, orders));
        }
        if (found.isEmpty() && violations.isEmpty()) {
            violations.add(Violation.ofField("targets", "required", "targets name the blocked domains, URLs or"
                    + " addresses the appeal contests, one per line"));
        }
        return new ArrayList<>(found.values());
    }

    /** A file that passed: its kind told by its content. */
    private record EvidenceFile(String name, EvidenceKind kind, byte[] content) {}

    private List<EvidenceFile> evidence(List<AppealForm.Evidence> uploads, List<Violation> violations) {
        if (uploads.size() > config.maxEvidenceFiles()) {
            violations.add(Violation.ofField("evidence", "too-many-files", "at most " + config.maxEvidenceFiles()
                    + " evidence files; " + uploads.size() + " were sent"));
            return List.of();
        }
        long maxSize = config.maxEvidenceSize().asLongValue();
        List<EvidenceFile> files = new ArrayList<>();
        for (AppealForm.Evidence upload : uploads) {
            String name = upload.fileName() == null || upload.fileName().isBlank() ? "evidence" : upload.fileName();
            if (upload.content().length == 0) {
                violations.add(Violation.ofField("evidence", "empty-file", name + " is empty"));
            } else if (upload.content().length > maxSize) {
                violations.add(Violation.ofField("evidence", "file-too-large", name + " has "
                        + upload.content().length + " bytes; at most " + maxSize + " are accepted"));
            } else {
                Optional<EvidenceKind> kind = EvidenceKind.of(upload.content());
                if (kind.isEmpty()) {
                    violations.add(Violation.ofField("evidence", "unsupported-file", name + " is not a PDF, PNG or"
                            + " JPEG file (its content says so, whatever its name)"));
                } else {
                    files.add(new EvidenceFile(name, kind.get(), upload.content()));
                }
            }
        }
        return files;
    }

    private long insertAppeal(Connection c, String kind, String email, String grounds, String collateral,
            String tracking, String confirmation, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into appeal (status, appellant_kind, email, grounds,"
                + " collateral, tracking_hash, confirmation_hash, filed_at) values ('UNCONFIRMED', ?, ?, ?, ?, ?, ?, ?)"
                + " returning id")) {
            s.setString(1, kind);
            s.setString(2, email);
            s.setString(3, grounds);
            s.setString(4, collateral);
            s.setString(5, Sha256.hex(tracking));
            s.setString(6, Sha256.hex(confirmation));
            s.setTimestamp(7, Timestamp.from(now));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static void insertTargets(Connection c, long appeal, List<Contested> contested) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into appeal_target (appeal_id, type, value, input,"
                + " directive_ids) values (?, ?, ?, ?, ?)")) {
            for (Contested target : contested) {
                s.setLong(1, appeal);
                s.setString(2, target.target().type().name());
                s.setString(3, target.target().value());
                s.setString(4, target.input());
                s.setArray(5, c.createArrayOf("bigint", target.orders().toArray()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void insertEvidence(Connection c, long appeal, List<EvidenceFile> files) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into appeal_evidence (appeal_id, file_name, media_type,"
                + " size, sha256, content) values (?, ?, ?, ?, ?, ?)")) {
            for (EvidenceFile file : files) {
                var digest = Sha256.start();
                digest.update(file.content());
                s.setLong(1, appeal);
                s.setString(2, file.name());
                s.setString(3, file.kind().mediaType());
                s.setInt(4, file.content().length);
                s.setString(5, Sha256.finish(digest));
                s.setBytes(6, file.content());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    String secret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The status page (its key also opens GET /public/v1/appeals/{id}); links sent to a person lead to pages, which
     * are the same service's answers as the API's.
     */
    String trackingUrl(long id, String tracking) {
        return config.baseUrl() + "/public/appeals/" + id + "?key=" + tracking;
    }

    private String confirmationText(long id, String confirmation, String tracking) {
        String confirm = config.baseUrl() + "/public/appeals/" + id + "/confirmation?key=" + confirmation;
        return "Khiếu nại số " + id + " đã được nộp. Mở liên kết sau để xác nhận địa chỉ e-mail; khiếu nại chỉ được"
                + " tiếp nhận sau khi xác nhận:\n" + confirm + "\n\nTheo dõi khiếu nại:\n" + trackingUrl(id, tracking)
                + "\n\n---\n\nAppeal " + id + " was filed. Open this link to confirm the e-mail address; the appeal is"
                + " received only once it is confirmed:\n" + confirm + "\n\nFollow the appeal:\n"
                + trackingUrl(id, tracking) + "\n";
    }

    private static ProblemException unknown(long id) {
        return ProblemException.notFound("Appeal", id + " with this key");
    }
}
