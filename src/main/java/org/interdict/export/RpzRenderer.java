package org.interdict.export;

import java.io.IOException;
import java.io.Writer;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * A DNS Response Policy Zone (BIND, Knot Resolver, PowerDNS Recursor, Unbound with RPZ). An exact name is
 * one {@code CNAME} record; a tree is the apex plus a {@code *.} wildcard; IP blocks are {@code rpz-ip}
 * triggers. {@code CNAME .} answers NXDOMAIN; with a landing page the answer is a CNAME to it instead.
 * URLs are not DNS data and are not carried.
 */
final class RpzRenderer extends AbstractRenderer {

    static final String DEFAULT_ORIGIN = "rpz.interdict.";

    /** Five minutes: long enough to spare resolvers, short enough that a lifted block ends quickly. */
    private static final int TTL = 300;
    private static final int MAX_WIRE_OCTETS = 255;

    private final String origin;
    private final int originWireOctets;

    RpzRenderer(String origin) {
        super("rpz", "text/dns", "rpz");
        if (!origin.endsWith(".") || DomainNames.problem(origin.substring(0, origin.length() - 1)) != null) {
            throw new IllegalArgumentException("RPZ origin must be an absolute domain name: " + origin);
        }
        this.origin = origin;
        // Each label costs its length plus a length octet; the root adds one: text without the dot, plus 2.
        this.originWireOctets = origin.length() + 1;
    }

    @Override
    void write(RuleSet rules, RenderContext context, Writer out, ReportBuilder report) throws IOException {
        header(out, ";", "response policy zone", context);
        out.write("$TTL " + TTL + "\n");
        out.write("$ORIGIN " + origin + "\n");
        // RFC 1982 serial arithmetic: the serial is 32 bits, versions wrap around it and still compare as newer.
        long serial = context.version() & 0xFFFF_FFFFL;
        out.write("@ SOA localhost. hostmaster.localhost. " + serial + " 3600 600 864000 " + TTL + "\n");
        out.write("@ NS localhost.\n");
        policy(rules, context, report, (owner, ttl, target) -> {
            out.write(owner);
            out.write(" CNAME ");
            out.write(target);
            out.write('\n');
        });
    }

    /** The policy records alone, without the zone's head, each as {@link #write} writes it. */
    RenderReport policy(RuleSet rules, RenderContext context, RpzRecordSink sink) throws IOException {
        ReportBuilder report = new ReportBuilder(format());
        policy(rules, context, report, sink);
        return report.build();
    }

    private void policy(RuleSet rules, RenderContext context, ReportBuilder report, RpzRecordSink sink)
            throws IOException {
        String target = context.landingTarget() == null ? "." : context.landingTarget();
        forEachDomain(rules, report, true, (name, tree) -> {
            RuleType type = tree ? RuleType.DOMAIN_TREE : RuleType.DOMAIN;
            String problem = problem(name, tree);
            if (problem != null) {
                report.reject(type, name, problem);
                return;
            }
            sink.record(name, TTL, target);
            if (tree) {
                sink.record("*." + name, TTL, target);
            }
            report.written(type);
        });
        for (RuleType type : new RuleType[] {RuleType.IPV4, RuleType.IPV6}) {
            // rpz-ip triggers take prefix lengths from 1 up.
            forEachCidr(rules, type, 1, report, (rule, cidr) -> {
                sink.record(cidr.rpzIpLabels() + ".rpz-ip", TTL, target);
                report.written(type);
            });
        }
        report.notCarried(rules, RuleType.URL);
    }

    private String problem(String name, boolean tree) {
        // The owner is the name below the origin; a tree also needs room for its "*." wildcard.
        int octets = name.length() + 1 + originWireOctets + (tree ? 2 : 0);
        if (octets > MAX_WIRE_OCTETS) {
            return (tree ? "wildcard owner " : "owner ") + "name is " + octets + " octets under origin " + origin
                    + ", over the DNS limit of " + MAX_WIRE_OCTETS;
        }
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (last.startsWith("rpz-")) {
            return "a name ending in an rpz- label would be read as an RPZ trigger, not a domain";
        }
        return null;
    }
}
