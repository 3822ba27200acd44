package org.interdict.export;

import java.io.IOException;
import java.io.OutputStream;
import org.interdict.compile.RuleSet;

/**
 * Writes a compiled rule set in one format that an appliance loads.
 *
 * <p>Implementations stream: they write rule by rule through a small buffer and never hold the whole output
 * in memory, because national rule sets run to millions of entries and many downloads run at once. They
 * flush but do not close {@code out}, which belongs to the caller. Rendering is deterministic: the same rule
 * set and context give the same bytes.
 */
public interface RuleSetRenderer {

    /** The short name clients ask for, e.g. {@code rpz}. */
    String format();

    /**
     * Whether the output names the directives behind each rule: then it changes with the provenance, not only with
     * the rules.
     */
    default boolean carriesProvenance() {
        return false;
    }

    /** The media type to serve the output with. */
    String mediaType();

    /** A download name, {@code interdict-<isp>-v<version>.<extension>}. */
    String fileName(String isp, long version);

    /**
     * Writes {@code rules} to {@code out} and tells what the output does not carry. A rule the format cannot
     * express is left out and listed in the report, never written in a damaged form.
     */
    RenderReport render(RuleSet rules, RenderContext context, OutputStream out) throws IOException;
}
