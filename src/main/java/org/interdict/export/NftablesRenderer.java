package org.interdict.export;

import java.io.IOException;
import java.io.Writer;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * An nftables script for {@code nft -f}: creates table {@code inet interdict} with the interval sets
 * {@code blocked_v4} and {@code blocked_v6} if they are missing, flushes them and adds every block. nft runs
 * a file as one transaction, so the sets change atomically and a failed load leaves the old content. The
 * ISP's own rules refer to the sets ({@code ip daddr @blocked_v4 drop}).
 *
 * <p>The sets have {@code auto-merge} so adjacent or overlapping blocks are accepted. Elements go in chunks
 * so no single statement grows with the rule set. Domains and URLs are not carried.
 */
final class NftablesRenderer extends AbstractRenderer {

    static final String TABLE = "inet interdict";
    private static final int CHUNK = 1000;

    NftablesRenderer() {
        super("nftables", "text/plain; charset=utf-8", "nft");
    }

    @Override
    void write(RuleSet rules, RenderContext context, Writer out, ReportBuilder report) throws IOException {
        header(out, "#", "nftables sets", context);
        out.write("table " + TABLE + " {\n"
                + "\tset blocked_v4 {\n\t\ttype ipv4_addr\n\t\tflags interval\n\t\tauto-merge\n\t}\n"
                + "\tset blocked_v6 {\n\t\ttype ipv6_addr\n\t\tflags interval\n\t\tauto-merge\n\t}\n"
                + "}\n");
        out.write("flush set " + TABLE + " blocked_v4\n");
        out.write("flush set " + TABLE + " blocked_v6\n");
        elements(rules, RuleType.IPV4, "blocked_v4", out, report);
        elements(rules, RuleType.IPV6, "blocked_v6", out, report);
        report.notCarried(rules, RuleType.DOMAIN, RuleType.DOMAIN_TREE, RuleType.URL);
    }

    private static void elements(RuleSet rules, RuleType type, String set, Writer out, ReportBuilder report)
            throws IOException {
        int[] inChunk = {0};
        forEachCidr(rules, type, 0, report, (rule, cidr) -> {
            out.write(inChunk[0] == 0 ? "add element " + TABLE + " " + set + " { " : ", ");
            out.write(rule);
            report.written(type);
            if (++inChunk[0] == CHUNK) {
                out.write(" }\n");
                inChunk[0] = 0;
            }
        });
        if (inChunk[0] > 0) {
            out.write(" }\n");
        }
    }
}
