package org.interdict.zone;

import com.google.common.net.InetAddresses;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ProblemException;
import org.interdict.isp.IspService;
import org.interdict.persistence.Transactions;
import org.interdict.ruleset.RuleSetQueries;
import org.interdict.ruleset.dto.VersionView;
import org.interdict.security.Actor;
import org.interdict.security.IspVisibility;
import org.interdict.zone.dto.SecondaryInput;
import org.interdict.zone.dto.SecondaryView;
import org.interdict.zone.dto.TransferView;
import org.interdict.zone.dto.ZoneView;

/**
 * The DNS secondaries of each ISP, sent NOTIFY on every new version, and what the ISP may see of its zone: the
 * version served and the last transfer each address made.
 */
@ApplicationScoped
public class ZoneSecondaries {

    private static final int DNS_PORT = 53;

    private final AgroalDataSource dataSource;
    private final IspService isps;
    private final AuditLog audit;
    private final Clock clock;
    private final RuleSetQueries queries;
    private final ZoneNames names;

    public ZoneSecondaries(AgroalDataSource dataSource, IspService isps, AuditLog audit, Clock clock,
            RuleSetQueries queries, InterdictConfig config) {
        this.queries = queries;
        this.names = new ZoneNames(config.zone().suffix());
        this.dataSource = dataSource;
        this.isps = isps;
        this.audit = audit;
        this.clock = clock;
    }

    public SecondaryView register(String isp, SecondaryInput input, Actor actor) {
        IspVisibility.requireWrite(actor, isp);
        String address = address(input.address());
        int port = input.port() == null ? DNS_PORT : input.port();
        return Transactions.inTransaction(dataSource, c -> {
            isps.require(c, isp, false);
            Instant now = clock.instant();
            ZoneSecondary added = ZoneRepository.insertSecondary(c, isp, address, port, actor.subject(), now);
            if (added == null) {
                throw ProblemException.conflict("secondary-exists",
                        "ISP " + isp + " already has the secondary " + address + " port " + port);
            }
            audit.append(c, AuditEvent.by(actor, now, "zone-secondary.registered", "zone-secondary", added.id(),
                    Map.of("isp", isp, "address", address, "port", port)));
            return view(added, ZoneRepository.transfersOf(c, isp));
        });
    }

    public List<SecondaryView> list(String isp, Actor actor) {
        IspVisibility.requireRead(actor, isp);
        return Transactions.read(dataSource, c -> {
            isps.require(c, isp, false);
            Map<String, TransferView> transfers = ZoneRepository.transfersOf(c, isp);
            return ZoneRepository.secondariesOf(c, isp).stream().map(s -> view(s, transfers)).toList();
        });
    }

    /** The ISP's zone with the last transfer of each address. */
    public ZoneView zone(String isp, Actor actor) {
        IspVisibility.requireRead(actor, isp);
        List<TransferView> transfers = Transactions.read(dataSource, c -> {
            isps.require(c, isp, false);
            return ZoneRepository.transfersOf(c, isp).values().stream()
                    .sorted(Comparator.comparing(TransferView::at).reversed()).toList();
        });
        VersionView current = queries.current(isp);
        return new ZoneView(isp, names.zoneOf(isp), current == null ? null : current.version(),
                current == null ? null : Serials.of(current.version()), transfers);
    }

    public void remove(String isp, long id, Actor actor) {
        IspVisibility.requireWrite(actor, isp);
        Transactions.inTransaction(dataSource, c -> {
            isps.require(c, isp, false);
            ZoneSecondary secondary = ZoneRepository.deleteSecondary(c, isp, id);
            if (secondary == null) {
                throw ProblemException.notFound("Secondary", id);
            }
            audit.append(c, AuditEvent.by(actor, clock.instant(), "zone-secondary.removed", "zone-secondary", id,
                    Map.of("isp", isp, "address", secondary.address(), "port", secondary.port())));
            return null;
        });
    }

    /** An IP address literal in its canonical text (as PostgreSQL's {@code host()} gives it back); no host names. */
    private static String address(String text) {
        String value = text.strip();
        if (!InetAddresses.isInetAddress(value)) {
            throw ProblemException.invalid("address", "not-an-ip-address",
                    "'" + value + "' is not an IPv4 or IPv6 address; secondaries are named by address, not host name");
        }
        return InetAddresses.toAddrString(InetAddresses.forString(value));
    }

    private static SecondaryView view(ZoneSecondary s, Map<String, TransferView> transfers) {
        return new SecondaryView(s.id(), s.isp(), s.address(), s.port(), s.createdBy(), s.createdAt(),
                transfers.get(s.address()), s.notifiedVersion(), s.notifiedAt(), s.notifyError());
    }
}
