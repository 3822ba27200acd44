package org.interdict.zone;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.interdict.compile.RuleSet;
import org.interdict.export.RenderContext;
import org.interdict.export.Renderers;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The records of a zone, exactly as the RPZ export writes them. The head (SOA and NS) is the export's text for no
 * rules, read by dnsjava's zone-file parser; the policy records come from the export's walk of the rules one by one,
 * so a million-rule zone flows record by record instead of being built in memory, and without being written as text
 * only to be parsed again (which took most of a transfer's time).
 */
final class RpzRecords {

    /** Takes records one by one; may throw to stop the zone midway (the client went away). */
    interface Consumer {
        void accept(Record record) throws IOException;
    }

    private RpzRecords() {}

    /** The zone's SOA and NS, in that order. */
    static List<Record> head(RenderContext context, Name origin) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Renderers.rpz(origin.toString()).render(RuleSet.empty(), context, text);
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(text.toByteArray()), origin)) {
            master.disableIncludes();
            for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
                records.add(record);
            }
        }
        return records;
    }

    /** Hands each policy record of {@code rules} to {@code consumer}, in the export's order. */
    static void policy(RuleSet rules, RenderContext context, Name origin, Consumer consumer) throws IOException {
        Targets targets = new Targets(origin);
        Renderers.rpzPolicy(origin.toString(), rules, context, (owner, ttl, target) -> consumer.accept(
                new CNAMERecord(Name.fromString(owner, origin), DClass.IN, ttl, targets.name(target))));
    }

    /** Every record of a zone has the same target: read it once, as a zone file reads a name under its origin. */
    private static final class Targets {
        private final Name origin;
        private String text;
        private Name name;

        Targets(Name origin) {
            this.origin = origin;
        }

        Name name(String target) throws IOException {
            if (!target.equals(text)) {
                name = Name.fromString(target, origin);
                text = target;
            }
            return name;
        }
    }
}
