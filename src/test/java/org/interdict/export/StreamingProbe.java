package org.interdict.export;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * Run in a separate JVM with a small heap by {@link StreamingTest}: builds a synthetic rule set of a million
 * rules, then renders it in every format to a stream that only counts. Prints the heap left free once the
 * rule set is built, then one line per format with the bytes written.
 */
public final class StreamingProbe {

    private StreamingProbe() {
    }

    public static void main(String[] args) throws Exception {
        RuleSet rules = synthetic();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        System.out.println("free " + free);
        RenderContext context = RenderContext.of("probe", 1, rules.digest(), Instant.EPOCH)
                .withProvenance(id -> new DirectiveProvenance("order " + id, "mic", "Bộ", "Ministry", null));
        for (RuleSetRenderer renderer : Renderers.all()) {
            CountingStream out = new CountingStream();
            renderer.render(rules, context, out);
            System.out.println(renderer.format() + " " + out.count);
        }
    }

    /** 1,000,000 rules; all share one provenance array, as most rules of a real set come from few orders. */
    static RuleSet synthetic() {
        Map<RuleType, String[]> rules = new EnumMap<>(RuleType.class);
        rules.put(RuleType.DOMAIN, generate(450_000, i -> "n" + i + ".example.vn"));
        rules.put(RuleType.DOMAIN_TREE, generate(150_000, i -> "t" + i + ".vn"));
        rules.put(RuleType.URL, generate(50_000, i -> "https://u.vn/p/" + i));
        rules.put(RuleType.IPV4, generate(200_000, i -> "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255) + "/32"));
        rules.put(RuleType.IPV6, generate(150_000, i -> "2001:db8:" + Integer.toHexString(i + 1) + "::/48"));
        long[] provenance = {1, 2};
        Map<RuleType, long[][]> sources = new EnumMap<>(RuleType.class);
        rules.forEach((type, values) -> {
            long[][] ids = new long[values.length][];
            Arrays.fill(ids, provenance);
            sources.put(type, ids);
        });
        return RuleSet.of(rules, sources);
    }

    private static String[] generate(int count, java.util.function.IntFunction<String> rule) {
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            values[i] = rule.apply(i);
        }
        Arrays.sort(values);
        return values;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
