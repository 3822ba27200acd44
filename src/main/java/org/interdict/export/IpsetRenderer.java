package org.interdict.export;

import java.io.IOException;
import java.io.Writer;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * An {@code ipset restore} script. It fills temporary {@code hash:net} sets and swaps them with the live
 * sets {@code interdict_v4} and {@code interdict_v6}, so the firewall never sees a half-filled set; the old
 * content is destroyed under the temporary name. Swapping exchanges the sets whole, so the {@code maxelem}
 * sized to this content takes effect even when the live set was created smaller.
 *
 * <p>The live sets must exist before the first load ({@code ipset create interdict_v4 hash:net family inet});
 * the firewall rules that match on them need that anyway. The script does not create them itself: {@code
 * create -exist} fails when an existing set has other parameters, which a live set sized by an earlier
 * load always has.
 *
 * <p>{@code hash:net} holds prefixes from /1 up; a /0 is rejected. Domains and URLs are not carried.
 */
final class IpsetRenderer extends AbstractRenderer {

    /** The kernel default; sets never get a smaller limit than this. */
    private static final int MIN_MAXELEM = 65536;

    IpsetRenderer() {
        super("ipset", "text/plain; charset=utf-8", "ipset");
    }

    @Override
    void write(RuleSet rules, RenderContext context, Writer out, ReportBuilder report) throws IOException {
        header(out, "#", "ipset restore script", context);
        set(rules, RuleType.IPV4, "interdict_v4", "inet", out, report);
        set(rules, RuleType.IPV6, "interdict_v6", "inet6", out, report);
        report.notCarried(rules, RuleType.DOMAIN, RuleType.DOMAIN_TREE, RuleType.URL);
    }

    private static void set(RuleSet rules, RuleType type, String name, String family, Writer out,
            ReportBuilder report) throws IOException {
        String temporary = name + "_new";
        int count = rules.count(type);
        // Room to grow by half, so the next few versions fit even if the live set is reused elsewhere.
        long maxelem = Math.max(MIN_MAXELEM, count + count / 2L);
        // -exist and the flush reuse a temporary set an interrupted load left behind with the same limit.
        out.write("create " + temporary + " hash:net family " + family + " maxelem " + maxelem + " -exist\n");
        out.write("flush " + temporary + "\n");
        forEachCidr(rules, type, 1, report, (rule, cidr) -> {
            out.write("add " + temporary + " " + rule + "\n");
            report.written(type);
        });
        out.write("swap " + temporary + " " + name + "\n");
        out.write("destroy " + temporary + "\n");
    }
}
