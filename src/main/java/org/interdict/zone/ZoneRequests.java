package org.interdict.zone;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.interdict.compile.Delta;
import org.interdict.compile.RuleSet;
import org.interdict.config.InterdictConfig;
import org.interdict.error.ProblemException;
import org.interdict.export.RenderContext;
import org.interdict.persistence.Transactions;
import org.interdict.ruleset.RuleSetContents;
import org.interdict.ruleset.RuleSetDownloads;
import org.interdict.ruleset.RuleSetQueries;
import org.interdict.ruleset.dto.VersionView;
import org.interdict.zone.dto.TransferView;
import org.jboss.logging.Logger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Answers the DNS requests of the zone listener: SOA queries and zone transfers of an ISP's zone, each signed with
 * a TSIG key of that ISP. Anything else is refused: an unsigned request with REFUSED, a key that is unknown, revoked
 * or another ISP's with NOTAUTH, so that no key opens a zone but its own ISP's. Runs on worker threads: it reads the
 * database and renders zones.
 */
@ApplicationScoped
public class ZoneRequests {

    private static final Logger LOG = Logger.getLogger(ZoneRequests.class);
    private static final RuleSetDownloads.Request RPZ = new RuleSetDownloads.Request("rpz", null);
    /** Past this many changed rules a difference costs more than the whole zone, and memory besides. */
    static final int MAX_INCREMENTAL_RULES = 50_000;

    private final ZoneKeys keys;
    private final RuleSetQueries queries;
    private final RuleSetDownloads downloads;
    private final RuleSetContents contents;
    private final AgroalDataSource dataSource;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ZoneNames names;

    public ZoneRequests(ZoneKeys keys, RuleSetQueries queries, RuleSetDownloads downloads, RuleSetContents contents,
            AgroalDataSource dataSource, MeterRegistry registry, Clock clock, InterdictConfig config) {
        this.contents = contents;
        this.keys = keys;
        this.queries = queries;
        this.downloads = downloads;
        this.dataSource = dataSource;
        this.registry = registry;
        this.clock = clock;
        this.names = new ZoneNames(config.zone().suffix());
    }

    /**
     * Answers one request from {@code client}. {@code stream}: it came over TCP, where a transfer may take many
     * messages; over UDP a transfer is answered truncated, so the client asks again over TCP.
     */
    void answer(byte[] wire, String client, boolean stream, TransferWriter.Sink sink) throws IOException {
        Message request;
        try {
            request = new Message(wire);
        } catch (IOException e) {
            refused(client, "malformed", null);
            return;
        }
        Record question = request.getQuestion();
        if (request.getHeader().getFlag(Flags.QR) || request.getHeader().getOpcode() != Opcode.QUERY
                || question == null) {
            refuse(request, Rcode.NOTIMP, client, "not-a-query", sink);
            return;
        }
        String isp = names.ispOf(question.getName().toString());
        if (isp == null) {
            refuse(request, Rcode.REFUSED, client, "unknown-zone", sink);
            return;
        }
        TSIGRecord signature = request.getTSIG();
        if (signature == null) {
            refuse(request, Rcode.REFUSED, client, "unsigned", sink);
            return;
        }
        ZoneKeys.Opened key = keys.active(signature.getName().toString());
        if (key == null || !key.isp().equals(isp)) {
            // RFC 8945 §5.3.2: BADKEY is answered unsigned, there being no key to sign with.
            refuse(request, Rcode.NOTAUTH, client, "bad-key", sink);
            return;
        }
        TSIG tsig = new TSIG(TSIG.HMAC_SHA256, signature.getName(), key.secret());
        int verified = tsig.verify(request, wire, null);
        if (verified != Rcode.NOERROR) {
            Message answer = TransferWriter.answer(request);
            answer.getHeader().setRcode(Rcode.NOTAUTH);
            tsig.apply(answer, verified, signature);
            refused(client, "bad-signature", isp);
            sink.send(answer.toWire());
            return;
        }
        VersionView current = queries.current(isp);
        if (current == null) {
            // No version yet: the zone is not loaded, and a secondary asks again later.
            signed(request, Rcode.SERVFAIL, tsig, signature, sink);
            return;
        }
        int type = question.getType();
        if (type == Type.SOA) {
            sendSigned(soaAnswer(request, current), tsig, signature, sink);
        } else if ((type == Type.AXFR || type == Type.IXFR) && !stream) {
            Message answer = TransferWriter.answer(request);
            answer.getHeader().setFlag(Flags.TC);
            sendSigned(answer, tsig, signature, sink);
        } else if (type == Type.AXFR) {
            transfer(request, tsig, signature, current, client, key.name(), sink);
        } else if (type == Type.IXFR) {
            incremental(request, tsig, signature, current, client, key.name(), sink);
        } else {
            refuse(request, Rcode.REFUSED, client, "unsupported-type", sink);
        }
    }

    /**
     * RFC 1995: from the version the secondary holds to the current one as one condensed difference (the current
     * SOA, the held version's SOA, the records to delete, the current SOA, the records to add, the current SOA), or
     * the current SOA alone when it is up to date. A serial of no retained published version, or a difference larger
     * than {@value #MAX_INCREMENTAL_RULES} rules, is answered with the whole zone, as §4 allows.
     */
    private void incremental(Message request, TSIG tsig, TSIGRecord signature, VersionView current, String client,
            String keyName, TransferWriter.Sink sink) throws IOException {
        OptionalLong serial = clientSerial(request);
        OptionalLong held = serial.isPresent() ? Serials.versionOf(serial.getAsLong(), current.version())
                : OptionalLong.empty();
        if (held.isPresent() && held.getAsLong() == current.version()) {
            sendSigned(soaAnswer(request, current), tsig, signature, sink);
            return;
        }
        VersionView from = held.isPresent() ? retained(current.isp(), held.getAsLong()) : null;
        RuleSet after = from == null ? null : content(current);
        Delta delta = after == null ? null : delta(from, after);
        if (delta == null || delta.size() > MAX_INCREMENTAL_RULES) {
            transfer(request, tsig, signature, current, client, keyName, sink);
            return;
        }
        ZoneDiff.Scope scope = ZoneDiff.scope(after, delta);
        ZoneDiff.Changes<Record> changes = ZoneDiff.compare(policyRecords(scope.before(), from),
                policyRecords(scope.after(), current));
        Record newest = soa(current);
        TransferWriter writer = new TransferWriter(request, tsig, signature, sink);
        writer.add(newest);
        writer.add(soa(from));
        for (Record record : changes.deleted()) {
            writer.add(record);
        }
        writer.add(newest);
        for (Record record : changes.added()) {
            writer.add(record);
        }
        writer.add(newest);
        writer.finish();
        transferred(current, client, "IXFR", from.version(), keyName, writer.records());
    }

    /** The serial of the SOA in the authority section, where an IXFR request names the version it holds. */
    private static OptionalLong clientSerial(Message request) {
        for (Record record : request.getSection(Section.AUTHORITY)) {
            if (record instanceof SOARecord soa) {
                return OptionalLong.of(soa.getSerial());
            }
        }
        return OptionalLong.empty();
    }

    /** The version if it was published and its rules are still retained, else null. */
    private VersionView retained(String isp, long number) {
        try {
            VersionView version = queries.version(isp, number);
            return version.publishedAt() != null && version.contentRetained() ? version : null;
        } catch (ProblemException e) {
            return null;
        }
    }

    private RuleSet content(VersionView version) {
        try {
            return queries.content(version).rules();
        } catch (ProblemException e) {
            return null;
        }
    }

    /**
     * What changed from a version to the current rules: known since the compilation that made them for the usual
     * request (from the version just before), else worked out from both versions' rules.
     */
    private Delta delta(VersionView from, RuleSet after) {
        Delta known = contents.knownDelta(from.digest(), after.digest());
        if (known != null) {
            return known;
        }
        RuleSet before = content(from);
        return before == null ? null : contents.delta(before, after);
    }

    /** The records of the rules alone, without the zone's SOA and NS. */
    private List<Record> policyRecords(RuleSet rules, VersionView version) throws IOException {
        Name origin = origin(version.isp());
        List<Record> records = new ArrayList<>();
        RpzRecords.policy(rules, context(version), origin, records::add);
        return records;
    }

    /** The whole zone, SOA first and last (RFC 5936). */
    private void transfer(Message request, TSIG tsig, TSIGRecord signature, VersionView version, String client,
            String keyName, TransferWriter.Sink sink) throws IOException {
        RuleSet rules = content(version);
        if (rules == null) {
            signed(request, Rcode.SERVFAIL, tsig, signature, sink);
            return;
        }
        Name origin = origin(version.isp());
        TransferWriter writer = new TransferWriter(request, tsig, signature, sink);
        RenderContext context = context(version);
        List<Record> head = RpzRecords.head(context, origin);
        for (Record record : head) {
            writer.add(record);
        }
        RpzRecords.policy(rules, context, origin, writer::add);
        writer.add(head.get(0));
        writer.finish();
        transferred(version, client, "AXFR", null, keyName, writer.records());
    }

    /** {@code from}: for an IXFR, the version it started from; null for an AXFR. */
    private void transferred(VersionView version, String client, String kind, Long from, String keyName,
            long records) {
        LOG.infof("Zone %s: %s%s to serial %d for %s with key %s, %d records", origin(version.isp()), kind,
                from == null ? "" : " from serial " + Serials.of(from), Serials.of(version.version()), client,
                keyName, records);
        Counter.builder("interdict.zone.transfers").description("Zone transfers served, by ISP and kind")
                .tag("isp", version.isp()).tag("kind", kind).register(registry).increment();
        TransferView transfer = new TransferView(client, version.version(), kind, keyName, clock.instant());
        Transactions.inTransaction(dataSource, c -> {
            ZoneRepository.recordTransfer(c, version.isp(), transfer);
            return null;
        });
    }

    /** The zone's SOA, as the RPZ export writes it. */
    Record soa(VersionView version) throws IOException {
        return RpzRecords.head(context(version), origin(version.isp())).get(0);
    }

    private RenderContext context(VersionView version) {
        return downloads.context(version, RPZ);
    }

    Name origin(String isp) {
        try {
            return Name.fromString(names.zoneOf(isp));
        } catch (TextParseException e) {
            throw new IllegalStateException("zone name of ISP " + isp + " is not a DNS name", e);
        }
    }

    private static void signed(Message request, int rcode, TSIG tsig, TSIGRecord signature, TransferWriter.Sink sink)
            throws IOException {
        Message answer = TransferWriter.answer(request);
        answer.getHeader().setRcode(rcode);
        sendSigned(answer, tsig, signature, sink);
    }

    private Message soaAnswer(Message request, VersionView current) throws IOException {
        Message answer = TransferWriter.answer(request);
        answer.addRecord(soa(current), Section.ANSWER);
        return answer;
    }

    private static void sendSigned(Message answer, TSIG tsig, TSIGRecord signature, TransferWriter.Sink sink)
            throws IOException {
        tsig.apply(answer, signature);
        sink.send(answer.toWire());
    }

    private void refuse(Message request, int rcode, String client, String reason, TransferWriter.Sink sink)
            throws IOException {
        Message answer = TransferWriter.answer(request);
        answer.getHeader().setRcode(rcode);
        refused(client, reason, null);
        sink.send(answer.toWire());
    }

    private void refused(String client, String reason, String isp) {
        LOG.warnf("Zone request from %s refused: %s%s", client, reason, isp == null ? "" : " (zone of ISP " + isp + ")");
        Counter.builder("interdict.zone.refusals").description("Zone requests refused, by reason")
                .tag("reason", reason).register(registry).increment();
    }
}
