package org.interdict.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * dnsmasq configuration (2.86 or later) to load with {@code conf-file=} or from {@code conf-dir=}.
 *
 * <p>{@code address=/name/} answers NXDOMAIN for the name <em>and every name below it</em>: that is a
 * tree. An exact name gets the same line plus {@code server=/*.name/#}, which sends the names strictly below
 * it to the usual upstream servers again; dnsmasq prefers the most specific match, so a listed name or tree
 * further down still wins. For that reason names inside a listed tree are left out: their {@code server=}
 * line would reopen part of the tree.
 *
 * <p>With landing page addresses, blocked names resolve to them ({@code address=/name/203.0.113.80})
 * instead of NXDOMAIN. dnsmasq cannot answer with a CNAME to an outside name, so the landing host name is not
 * used. URLs and IP blocks are not carried.
 */
final class DnsmasqRenderer extends AbstractRenderer {

    DnsmasqRenderer() {
        super("dnsmasq", "text/plain; charset=utf-8", "dnsmasq.conf");
    }

    @Override
    void write(RuleSet rules, RenderContext context, Writer out, ReportBuilder report) throws IOException {
        header(out, "#", "dnsmasq configuration", context);
        List<String> answers = context.landingAddresses().isEmpty() ? List.of("") : context.landingAddresses();
        forEachDomain(rules, report, true, (name, tree) -> {
            for (String answer : answers) {
                out.write("address=/" + name + "/" + answer + "\n");
            }
            if (tree) {
                report.written(RuleType.DOMAIN_TREE);
            } else {
                out.write("server=/*." + name + "/#\n");
                report.written(RuleType.DOMAIN);
            }
        });
        report.notCarried(rules, RuleType.URL, RuleType.IPV4, RuleType.IPV6);
    }
}
