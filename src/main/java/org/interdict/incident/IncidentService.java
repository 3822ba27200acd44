package org.interdict.incident;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.authority.Authority;
import org.interdict.authority.AuthorityRepository;
import org.interdict.category.ReasonCategory;
import org.interdict.config.InterdictConfig;
import org.interdict.directive.DirectiveKind;
import org.interdict.directive.DirectiveService;
import org.interdict.directive.DirectiveTargets;
import org.interdict.directive.dto.AudienceInput;
import org.interdict.directive.dto.DirectiveCreate;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.error.ProblemException;
import org.interdict.incident.dto.IncidentReport;
import org.interdict.incident.dto.IncidentUpdate;
import org.interdict.incident.dto.IncidentView;
import org.interdict.persistence.Columns;
import org.interdict.persistence.Transactions;
import org.interdict.security.Actor;
import org.interdict.security.RecipientScope;
import org.interdict.security.RecipientScope.Recipient;
import org.interdict.target.Target;
import org.interdict.target.TargetParser;
import org.interdict.target.TargetType;

/**
 * Incidents. A recipient reports one with its indicators (each normalised, every bad line refused with its number)
 * and updates it until it is closed; the authorities' people triage it (new, acknowledged, in progress, closed) and
 * may turn its indicators into a block directive draft in one step. Recipients see their own incidents only.
 */
@ApplicationScoped
public class IncidentService {

    static final String SUBJECT = "incident";
    private static final int LIST_LIMIT = 500;
    private static final String COLUMNS = "id, recipient_kind, recipient_id, type, severity, detected_at,"
            + " affected_systems, actions_taken, triage, reported_by,"
            + " coalesce(reported_by_name, reported_by) as reported_by_name, reported_at, directive_id, version";

    private final AgroalDataSource dataSource;
    private final TargetParser parser;
    private final DirectiveService directives;
    private final DirectiveTargets targets;
    private final AuditLog audit;
    private final Clock clock;
    private final InterdictConfig config;

    public IncidentService(AgroalDataSource dataSource, TargetParser parser, DirectiveService directives,
            DirectiveTargets targets, AuditLog audit, Clock clock, InterdictConfig config) {
        this.dataSource = dataSource;
        this.parser = parser;
        this.directives = directives;
        this.targets = targets;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }

    public IncidentView report(Recipient recipient, IncidentReport report, Actor actor) {
        List<Target> indicators = Indicators.parse(report.indicators(), parser);
        Instant now = clock.instant();
        if (report.detectedAt().isAfter(now.plus(org.interdict.paging.QueryParams.CLOCK_DRIFT))) {
            throw ProblemException.invalid("detectedAt", "in-the-future", "an incident cannot be detected after now");
        }
        return Transactions.inTransaction(dataSource, c -> {
            long id;
            try (PreparedStatement s = c.prepareStatement("insert into incident (recipient_kind, recipient_id, type,"
                    + " severity, detected_at, affected_systems, actions_taken, reported_by, reported_by_name,"
                    + " reported_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
                s.setString(1, recipient.kind());
                s.setString(2, recipient.id());
                s.setString(3, report.type());
                s.setString(4, report.severity());
                Columns.set(s, 5, report.detectedAt());
                s.setString(6, report.affectedSystems().strip());
                s.setString(7, blankToNull(report.actionsTaken()));
                s.setString(8, actor.subject());
                s.setString(9, actor.displayName());
                Columns.set(s, 10, now);
                Columns.set(s, 11, now);
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    id = rows.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into incident_indicator (incident_id, position,"
                    + " type, value) values (?, ?, ?, ?)")) {
                int position = 0;
                for (Target target : indicators) {
                    s.setLong(1, id);
                    s.setInt(2, position++);
                    s.setString(3, target.type().name());
                    s.setString(4, target.value());
                    s.addBatch();
                }
                s.executeBatch();
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("recipient", recipient.key());
            summary.put("type", report.type());
            summary.put("severity", report.severity());
            summary.put("indicators", indicators.size());
            audit.append(c, AuditEvent.by(actor, now, "incident.reported", SUBJECT, id, summary));
            return view(c, require(c, id, false));
        });
    }

    public List<IncidentView> list(Actor actor) {
        return Transactions.read(dataSource, c -> {
            boolean every = RecipientScope.readsEveryRecipient(actor);
            Recipient own = every ? null : RecipientScope.own(actor).orElse(null);
            if (!every && own == null) {
                return List.of();
            }
            List<IncidentView> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from incident"
                    + " where ? or (recipient_kind = ? and recipient_id = ?) order by id desc limit ?")) {
                s.setBoolean(1, every);
                s.setString(2, own == null ? "" : own.kind());
                s.setString(3, own == null ? "" : own.id());
                s.setInt(4, LIST_LIMIT);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        found.add(view(c, read(rows)));
                    }
                }
            }
            return found;
        });
    }

    public IncidentView get(long id, Actor actor) {
        return Transactions.read(dataSource, c -> {
            Incident incident = require(c, id, false);
            requireVisible(incident, actor);
            return view(c, incident);
        });
    }

    /** The reporter's update: a note, and {@code closed} to close it. A closed incident takes no more. */
    public IncidentView updateAsReporter(long id, Recipient recipient, IncidentUpdate update, Actor actor) {
        if (update.triage() != null && !update.triage().equals("closed")) {
            throw ProblemException.invalid("triage", "reporter-closes-only",
                    "the reporter may only close its incident; the authority triages it");
        }
        return Transactions.inTransaction(dataSource, c -> {
            Incident incident = require(c, id, true);
            if (!incident.recipient().equals(recipient)) {
                throw ProblemException.notFound("Incident", id);
            }
            return record(c, incident, "recipient", update, actor);
        });
    }

    /** The authority's triage. */
    public IncidentView triage(long id, IncidentUpdate update, Actor actor) {
        if (update.triage() == null) {
            throw ProblemException.invalid("triage", "required", "new, acknowledged, in-progress or closed");
        }
        return Transactions.inTransaction(dataSource, c -> record(c, require(c, id, true), "authority", update, actor));
    }

    /**
     * A block directive draft of the officer's authority, pre-filled with the incident's indicators and referring to
     * it, addressed as the authority may address (every ISP, or its ISPs). It then goes the normal way: the officer
     * reviews and submits it, a supervisor approves it.
     */
    public DirectiveView draftDirective(long id, Actor actor) {
        Incident incident = Transactions.read(dataSource, c -> require(c, id, false));
        List<IncidentView.Indicator> indicators = Transactions.read(dataSource, c -> indicators(c, id));
        if (indicators.isEmpty()) {
            throw ProblemException.conflict("no-indicators", "Incident " + id + " has no indicators to block");
        }
        if (incident.directiveId() != null) {
            throw ProblemException.conflict("draft-exists",
                    "Incident " + id + " already has directive " + incident.directiveId());
        }
        Authority authority = Transactions.read(dataSource, c -> AuthorityRepository.find(c, actor.authority()))
                .orElseThrow(() -> ProblemException.notFound("Authority", actor.authority()));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, config.console().timeZone());
        AudienceInput audience = authority.allIsps() ? new AudienceInput(true, null)
                : new AudienceInput(false, authority.isps().stream().sorted().toList());
        DirectiveCreate draft = new DirectiveCreate("INCIDENT-" + id,
                "Chặn chỉ báo của sự cố #" + id + " (" + incident.type() + ", " + incident.recipient().key() + ")",
                today, DirectiveKind.BLOCK, category(incident.type()),
                "Incident #" + id + " reported by " + incident.recipient().key() + " at " + incident.reportedAt()
                        + ": " + incident.type() + ", severity " + incident.severity() + ".",
                audience, now, null, null, null, null, null, null);
        DirectiveView created = directives.create(draft, actor, null).directive();
        StringBuilder lines = new StringBuilder();
        for (IncidentView.Indicator indicator : indicators) {
            lines.append(indicator.type().equals(TargetType.DOMAIN_TREE.name()) ? "*." : "")
                    .append(indicator.value()).append('\n');
        }
        targets.importText(created.id(), lines.toString(), false, actor);
        boolean linked = Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("update incident set directive_id = ?, updated_at = ?,"
                    + " version = version + 1 where id = ? and directive_id is null")) {
                s.setLong(1, created.id());
                Columns.set(s, 2, now);
                s.setLong(3, id);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            audit.append(c, AuditEvent.by(actor, now, "incident.directive-drafted", SUBJECT, id,
                    Map.of("directive", created.id(), "indicators", indicators.size())));
            return true;
        });
        if (!linked) {
            // Another officer turned it into a draft meanwhile: theirs stands, this one goes.
            directives.delete(created.id(), actor);
            throw ProblemException.conflict("draft-exists", "Incident " + id + " was turned into a draft meanwhile");
        }
        return directives.get(created.id(), actor);
    }

    private static ReasonCategory category(String type) {
        return switch (type) {
            case "phishing" -> ReasonCategory.PHISHING;
            case "malware" -> ReasonCategory.MALWARE;
            case "ddos" -> ReasonCategory.BOTNET;
            default -> ReasonCategory.OTHER;
        };
    }

    private IncidentView record(Connection c, Incident incident, String side, IncidentUpdate update, Actor actor)
            throws SQLException {
        if (incident.triage().equals("closed")) {
            throw ProblemException.conflict("incident-closed", "Incident " + incident.id() + " is closed");
        }
        Instant now = clock.instant();
        String note = blankToNull(update.note());
        if (update.triage() != null) {
            try (PreparedStatement s = c.prepareStatement("update incident set triage = ?, updated_at = ?,"
                    + " version = version + 1 where id = ?")) {
                s.setString(1, update.triage());
                Columns.set(s, 2, now);
                s.setLong(3, incident.id());
                s.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement("insert into incident_update (incident_id, at, by_subject,"
                + " by_name, side, triage, note) values (?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, incident.id());
            Columns.set(s, 2, now);
            s.setString(3, actor.subject());
            s.setString(4, actor.displayName());
            s.setString(5, side);
            s.setString(6, update.triage());
            s.setString(7, note);
            s.executeUpdate();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("side", side);
        if (update.triage() != null) {
            summary.put("triage", update.triage());
            summary.put("was", incident.triage());
        }
        if (note != null) {
            summary.put("note", note);
        }
        audit.append(c, AuditEvent.by(actor, now, "incident.updated", SUBJECT, incident.id(), summary));
        return view(c, require(c, incident.id(), false));
    }

    private static void requireVisible(Incident incident, Actor actor) {
        if (!RecipientScope.readsEveryRecipient(actor)
                && !RecipientScope.own(actor).filter(incident.recipient()::equals).isPresent()) {
            throw ProblemException.notFound("Incident", incident.id());
        }
    }

    private record Incident(long id, Recipient recipient, String type, String severity, Instant detectedAt,
            String affectedSystems, String actionsTaken, String triage, String reportedBy, String reportedByName,
            Instant reportedAt, Long directiveId, int version) {}

    private static Incident require(Connection c, long id, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from incident where id = ?"
                + (lock ? " for update" : ""))) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw ProblemException.notFound("Incident", id);
                }
                return read(rows);
            }
        }
    }

    private static Incident read(ResultSet r) throws SQLException {
        return new Incident(r.getLong("id"), new Recipient(r.getString("recipient_kind"), r.getString("recipient_id")),
                r.getString("type"), r.getString("severity"), Columns.instant(r, "detected_at"),
                r.getString("affected_systems"), r.getString("actions_taken"), r.getString("triage"),
                r.getString("reported_by"), r.getString("reported_by_name"), Columns.instant(r, "reported_at"),
                Columns.longOrNull(r, "directive_id"), r.getInt("version"));
    }

    private static List<IncidentView.Indicator> indicators(Connection c, long id) throws SQLException {
        List<IncidentView.Indicator> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select type, value from incident_indicator"
                + " where incident_id = ? order by position")) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(new IncidentView.Indicator(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return found;
    }

    private static IncidentView view(Connection c, Incident i) throws SQLException {
        List<IncidentView.Update> updates = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select at, by_subject, coalesce(by_name, by_subject) as by_name,"
                + " side, triage, note from incident_update where incident_id = ? order by id")) {
            s.setLong(1, i.id());
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    updates.add(new IncidentView.Update(Columns.instant(rows, "at"), rows.getString("by_subject"),
                            rows.getString("by_name"), rows.getString("side"), rows.getString("triage"),
                            rows.getString("note")));
                }
            }
        }
        return new IncidentView(i.id(), i.recipient().key(), i.type(), i.severity(), i.detectedAt(),
                i.affectedSystems(), indicators(c, i.id()), i.actionsTaken(), i.triage(), i.reportedBy(),
                i.reportedByName(), i.reportedAt(), i.directiveId(), updates, i.version());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
