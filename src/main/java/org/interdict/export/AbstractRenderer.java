package org.interdict.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/** What the line-oriented formats share: naming, the buffered writer, the header and the domain walk. */
abstract class AbstractRenderer implements RuleSetRenderer {

    /** Large enough to keep system calls rare, small enough for many concurrent downloads. */
    static final int BUFFER_CHARS = 1 << 16;

    private final String format;
    private final String mediaType;
    private final String extension;

    AbstractRenderer(String format, String mediaType, String extension) {
        this.format = format;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    @Override
    public final String format() {
        return format;
    }

    @Override
    public final String mediaType() {
        return mediaType;
    }

    @Override
    public final String fileName(String isp, long version) {
        return fileName(isp, version, extension);
    }

    /** The ISP part is reduced to safe characters: the name ends up in a Content-Disposition header. */
    static String fileName(String isp, long version, String extension) {
        return "interdict-" + isp.replaceAll("[^A-Za-z0-9._-]", "_") + "-v" + version + "." + extension;
    }

    @Override
    public RenderReport render(RuleSet rules, RenderContext context, OutputStream out) throws IOException {
        ReportBuilder report = new ReportBuilder(format);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
        write(rules, context, writer, report);
        writer.flush();
        return report.build();
    }

    abstract void write(RuleSet rules, RenderContext context, Writer out, ReportBuilder report) throws IOException;

    /** Comment lines naming the rule set, so a file found on an appliance can be traced to its version. */
    static void header(Writer out, String comment, String title, RenderContext context) throws IOException {
        out.write(comment + " Interdict " + title + " for ISP " + context.isp() + ", version " + context.version()
                + "\n");
        out.write(comment + " Rule set SHA-256: " + context.digest() + "\n");
        out.write(comment + " Created: " + context.createdAt() + "\n");
    }

    /** Receives the domain rules that are fit to write. */
    interface DomainVisitor {
        void visit(String name, boolean tree) throws IOException;
    }

    /**
     * Walks exact names, then trees. Names that fail {@link DomainNames#problem} are rejected. With
     * {@code skipCovered}, a rule inside a tree that is also listed is counted as written without being
     * visited: formats that block whole trees would otherwise repeat it, which Squid and Unbound warn about
     * and dnsmasq gets wrong (an exact name there reopens the names below it).
     */
    static void forEachDomain(RuleSet rules, ReportBuilder report, boolean skipCovered, DomainVisitor visitor)
            throws IOException {
        List<String> trees = rules.rules(RuleType.DOMAIN_TREE);
        for (RuleType type : List.of(RuleType.DOMAIN, RuleType.DOMAIN_TREE)) {
            boolean tree = type == RuleType.DOMAIN_TREE;
            for (String name : rules.rules(type)) {
                String problem = DomainNames.problem(name);
                if (problem != null) {
                    report.reject(type, name, problem);
                } else if (skipCovered && DomainNames.coveringTree(trees, name, !tree) != null) {
                    report.written(type);
                } else {
                    visitor.visit(name, tree);
                }
            }
        }
    }

    /**
     * Walks the IP blocks of {@code type} that parse as canonical CIDR blocks, rejecting the others; a
     * {@code minPrefix} above zero rejects shorter prefixes the target cannot hold.
     */
    static void forEachCidr(RuleSet rules, RuleType type, int minPrefix, ReportBuilder report, CidrVisitor visitor)
            throws IOException {
        for (String rule : rules.rules(type)) {
            Cidr cidr;
            try {
                cidr = Cidr.parse(rule, type);
            } catch (IllegalArgumentException e) {
                report.reject(type, rule, e.getMessage());
                continue;
            }
            if (cidr.prefix() < minPrefix) {
                report.reject(type, rule, "prefix length under " + minPrefix + " cannot be expressed");
            } else {
                visitor.visit(rule, cidr);
            }
        }
    }

    interface CidrVisitor {
        void visit(String rule, Cidr cidr) throws IOException;
    }
}
