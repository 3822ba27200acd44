package org.interdict.zone;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.interdict.audit.AuditEvent;
import org.interdict.audit.AuditLog;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.isp.IspService;
import org.interdict.persistence.Transactions;
import org.interdict.secret.SecretSeal;
import org.interdict.security.Actor;
import org.interdict.security.IspVisibility;
import org.interdict.zone.dto.IssuedZoneKey;
import org.interdict.zone.dto.ZoneKeyView;

/**
 * The TSIG keys of each ISP's zone: made by its engineers, the secret shown once, revoked like appliance tokens.
 * Transfers look keys up by name on every request, so a revoked key is refused from the next request on, on every
 * replica.
 */
@ApplicationScoped
public class ZoneKeys {

    static final String ALGORITHM = "hmac-sha256";
    /** As long as the HMAC-SHA256 output, which RFC 8945 recommends as the least. */
    private static final int SECRET_OCTETS = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgroalDataSource dataSource;
    private final IspService isps;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneNames names;
    private final InterdictConfig config;
    /** Null when no key-encryption key is configured: then no key can be made or used. */
    private final SecretSeal seal;

    /** An active key of an ISP with its secret, for signing and checking DNS messages. */
    record Opened(String isp, String name, byte[] secret) {

        @Override
        public String toString() {
            return "Opened[isp=" + isp + ", name=" + name + "]";
        }
    }

    public ZoneKeys(AgroalDataSource dataSource, IspService isps, AuditLog audit, Clock clock, InterdictConfig config) {
        this.dataSource = dataSource;
        this.isps = isps;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
        this.names = new ZoneNames(config.zone().suffix());
        this.seal = config.keyEncryptionKey().filter(k -> !k.isBlank()).map(SecretSeal::of).orElse(null);
    }

    /** A zone server without a key-encryption key could open no secret: refuse to start rather than refuse every transfer. */
    void checkConfiguration(@Observes StartupEvent event) {
        if (config.zone().enabled() && seal == null) {
            throw new IllegalStateException("interdict.zone.enabled is true but interdict.key-encryption-key is"
                    + " not set: give it base64 of 32 random octets (openssl rand -base64 32), or disable the zone"
                    + " server");
        }
    }

    public IssuedZoneKey create(String isp, Actor actor) {
        IspVisibility.requireWrite(actor, isp);
        SecretSeal sealing = requireSeal();
        byte[] secret = new byte[SECRET_OCTETS];
        RANDOM.nextBytes(secret);
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        String name = "key-" + HexFormat.of().formatHex(random) + "." + names.zoneOf(isp);
        ZoneKey key = Transactions.inTransaction(dataSource, c -> {
            isps.require(c, isp, false);
            Instant now = clock.instant();
            ZoneKey created = ZoneRepository.insertKey(c, isp, name, ALGORITHM, sealing.seal(secret, name),
                    actor.subject(), now);
            record(c, actor, now, "created", created);
            return created;
        });
        return new IssuedZoneKey(Base64.getEncoder().encodeToString(secret), view(key));
    }

    public List<ZoneKeyView> list(String isp, Actor actor) {
        IspVisibility.requireRead(actor, isp);
        return Transactions.read(dataSource, c -> {
            isps.require(c, isp, false);
            return ZoneRepository.keysOf(c, isp).stream().map(ZoneKeys::view).toList();
        });
    }

    public ZoneKeyView revoke(String isp, long id, Actor actor) {
        IspVisibility.requireWrite(actor, isp);
        return Transactions.inTransaction(dataSource, c -> {
            isps.require(c, isp, false);
            ZoneKey key = ZoneRepository.lockKey(c, isp, id);
            if (key == null) {
                throw ProblemException.notFound("Zone key", id);
            }
            if (!key.active()) {
                throw ProblemException.conflict("zone-key-already-revoked",
                        "Zone key " + key.name() + " was revoked at " + key.revokedAt());
            }
            Instant now = clock.instant();
            ZoneRepository.revokeKey(c, id, actor.subject(), now);
            ZoneKey revoked = new ZoneKey(key.id(), key.isp(), key.name(), key.algorithm(), key.sealedSecret(),
                    key.createdBy(), key.createdAt(), actor.subject(), now);
            record(c, actor, now, "revoked", revoked);
            return view(revoked);
        });
    }

    /** The active key of this name with its secret, or null when there is none (unknown, revoked, or no sealing key). */
    Opened active(String name) {
        if (seal == null) {
            return null;
        }
        ZoneKey key = Transactions.read(dataSource, c -> ZoneRepository.keyNamed(c, name));
        return key == null || !key.active() ? null : open(key);
    }

    /** The newest active key of the ISP with its secret, which signs its NOTIFY messages; null when it has none. */
    Opened newest(Connection c, String isp) throws SQLException {
        ZoneKey key = seal == null ? null : ZoneRepository.newestKey(c, isp);
        return key == null ? null : open(key);
    }

    private Opened open(ZoneKey key) {
        return new Opened(key.isp(), key.name(), seal.open(key.sealedSecret(), key.name()));
    }

    private SecretSeal requireSeal() {
        if (seal == null) {
            throw new ProblemException(ErrorCategory.UNAVAILABLE, "zone-keys-unavailable", "Zone keys unavailable",
                    "No key-encryption key is configured (interdict.key-encryption-key), so no TSIG key can be"
                            + " made");
        }
        return seal;
    }

    /** An audit entry naming the key; its secret is never recorded. */
    private void record(Connection c, Actor actor, Instant at, String action, ZoneKey key) throws SQLException {
        audit.append(c, AuditEvent.by(actor, at, "zone-key." + action, "zone-key", key.id(),
                Map.of("isp", key.isp(), "name", key.name(), "algorithm", key.algorithm())));
    }

    private static ZoneKeyView view(ZoneKey key) {
        return new ZoneKeyView(key.id(), key.isp(), key.name(), key.algorithm(), key.active(), key.createdBy(),
                key.createdAt(), key.revokedBy(), key.revokedAt());
    }
}
