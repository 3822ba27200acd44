package org.interdict.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * A hosts file: each blocked name mapped to the null address {@code 0.0.0.0}, or to the landing page's
 * addresses when given. Hosts files have no wildcards, so a tree blocks its apex only and is reported as
 * narrowed. URLs and IP blocks are not carried.
 */
final class HostsRenderer extends AbstractRenderer {

    HostsRenderer() {
        super("hosts", "text/plain; charset=utf-8", "hosts");
    }

    @Override
    void write(RuleSet rules, RenderContext context, Writer out, ReportBuilder report) throws IOException {
        header(out, "#", "hosts file", context);
        List<String> addresses = context.landingAddresses().isEmpty() ? List.of("0.0.0.0") : context.landingAddresses();
        // Not skipping names inside trees: a tree here is only its apex, so its subdomains must stay listed.
        forEachDomain(rules, report, false, (name, tree) -> {
            for (String address : addresses) {
                out.write(address);
                out.write(' ');
                out.write(name);
                out.write('\n');
            }
            if (tree) {
                report.narrowed(RuleType.DOMAIN_TREE);
            } else {
                report.written(RuleType.DOMAIN);
            }
        });
        report.notCarried(rules, RuleType.URL, RuleType.IPV4, RuleType.IPV6);
    }
}
