package org.interdict.export;

import java.io.IOException;
import java.io.Writer;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * Unbound configuration to include from {@code unbound.conf}. It opens with {@code server:} so it is valid
 * wherever the include stands.
 *
 * <p>A tree is a {@code local-zone} of type {@code always_nxdomain}, which covers the name and everything
 * below it; with a landing page it is a {@code redirect} zone whose only data is a CNAME to the page.
 *
 * <p>An exact name must not block its subdomains, and every Unbound zone type that answers NXDOMAIN applies
 * to the whole zone below the name. So an exact name is a {@code transparent} zone holding data for the name
 * alone: the null addresses {@code 0.0.0.0} and {@code ::} (other types get an empty answer), or a CNAME to
 * the landing page. Names below it are resolved as usual.
 *
 * <p>URLs and IP blocks are not carried.
 */
final class UnboundRenderer extends AbstractRenderer {

    UnboundRenderer() {
        super("unbound", "text/plain; charset=utf-8", "unbound.conf");
    }

    @Override
    void write(RuleSet rules, RenderContext context, Writer out, ReportBuilder report) throws IOException {
        header(out, "#", "Unbound local zones", context);
        out.write("server:\n");
        String landing = context.landingTarget();
        forEachDomain(rules, report, true, (name, tree) -> {
            out.write("local-zone: \"" + name + ".\" ");
            if (tree) {
                out.write(landing == null ? "always_nxdomain\n" : "redirect\n");
                report.written(RuleType.DOMAIN_TREE);
            } else {
                out.write("transparent\n");
                report.written(RuleType.DOMAIN);
            }
            if (landing != null) {
                out.write("local-data: \"" + name + ". CNAME " + landing + "\"\n");
            } else if (!tree) {
                out.write("local-data: \"" + name + ". A 0.0.0.0\"\n");
                out.write("local-data: \"" + name + ". AAAA ::\"\n");
            }
        });
        report.notCarried(rules, RuleType.URL, RuleType.IPV4, RuleType.IPV6);
    }
}
