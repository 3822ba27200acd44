package org.interdict.export;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.interdict.compile.RuleSet;

/** The export formats by name. Renderers hold no state between calls and may be shared. */
public final class Renderers {

    private static final Map<String, RuleSetRenderer> BY_FORMAT = index(List.of(
            new JsonRenderer(),
            new PlainTextRenderer(),
            new RpzRenderer(RpzRenderer.DEFAULT_ORIGIN),
            new HostsRenderer(),
            new UnboundRenderer(),
            new DnsmasqRenderer(),
            new NftablesRenderer(),
            new IpsetRenderer(),
            new SquidRenderer(),
            new CsvRenderer()));

    private Renderers() {
    }

    private static Map<String, RuleSetRenderer> index(List<RuleSetRenderer> renderers) {
        Map<String, RuleSetRenderer> map = new LinkedHashMap<>();
        for (RuleSetRenderer renderer : renderers) {
            map.put(renderer.format(), renderer);
        }
        return map;
    }

    /** The renderer for a format name such as {@code rpz}; names are lower case. */
    public static Optional<RuleSetRenderer> find(String format) {
        return Optional.ofNullable(BY_FORMAT.get(format));
    }

    /** The renderer for {@code format}, or an {@link IllegalArgumentException} naming the known formats. */
    public static RuleSetRenderer get(String format) {
        return find(format).orElseThrow(() ->
                new IllegalArgumentException("unknown export format " + format + "; known: " + formats()));
    }

    /** Every format name, in a stable order. */
    public static List<String> formats() {
        return List.copyOf(BY_FORMAT.keySet());
    }

    public static List<RuleSetRenderer> all() {
        return List.copyOf(BY_FORMAT.values());
    }

    /** An RPZ renderer for a zone other than {@code rpz.interdict.}, which is what {@code get("rpz")} uses. */
    public static RuleSetRenderer rpz(String origin) {
        return new RpzRenderer(origin);
    }

    /**
     * The policy records of the RPZ export for a zone named {@code origin}, handed one by one to {@code sink}
     * rather than written as text: what a zone transfer sends after the zone's SOA and NS.
     */
    public static RenderReport rpzPolicy(String origin, RuleSet rules, RenderContext context, RpzRecordSink sink)
            throws IOException {
        return new RpzRenderer(origin).policy(rules, context, sink);
    }
}
