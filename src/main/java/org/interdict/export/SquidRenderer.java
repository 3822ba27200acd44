package org.interdict.export;

import java.io.IOException;
import java.io.Writer;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * A Squid {@code dstdomain} list ({@code acl blocked dstdomain "/path/file"}): {@code .example.com} for a
 * tree, {@code example.com} for an exact name. Squid complains about a list where one entry falls inside
 * another and drops one of them, so names inside a listed tree are left out (the tree already blocks them). URLs and IP blocks are
 * not carried: they need {@code url_regex} and {@code dst} lists.
 */
final class SquidRenderer extends AbstractRenderer {

    SquidRenderer() {
        super("squid", "text/plain; charset=utf-8", "squid.txt");
    }

    @Override
    void write(RuleSet rules, RenderContext context, Writer out, ReportBuilder report) throws IOException {
        header(out, "#", "Squid dstdomain list", context);
        forEachDomain(rules, report, true, (name, tree) -> {
            if (tree) {
                out.write('.');
            }
            out.write(name);
            out.write('\n');
            report.written(tree ? RuleType.DOMAIN_TREE : RuleType.DOMAIN);
        });
        report.notCarried(rules, RuleType.URL, RuleType.IPV4, RuleType.IPV6);
    }
}
