package org.interdict.ruleset;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.interdict.compile.RulePatch;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleType;

/**
 * The stored forms of a rule set's content: whole, gzip of lines {@code TYPE<TAB>rule<TAB>id,id,...} in canonical
 * order; or as a patch of another content, gzip of lines {@code TYPE<TAB>-<TAB>rule} (removed) and {@code
 * TYPE<TAB>+<TAB>rule<TAB>id,id,...} (put), each type's lines in canonical order. Fast compression: content is
 * written on every change and read back on a cache miss.
 */
final class RuleSetCodec {

    private RuleSetCodec() {}

    static byte[] encode(RuleSet rules) {
        return gzip(rules.size() * 12, out -> {
            for (RuleType type : RuleType.values()) {
                List<String> values = rules.rules(type);
                for (int i = 0; i < values.size(); i++) {
                    out.append(type.name()).append('\t').append(values.get(i)).append('\t');
                    appendIds(out, rules.sources(type, i));
                    out.append('\n');
                }
            }
        });
    }

    static byte[] encode(RulePatch patch) {
        return gzip(patch.size() * 40, out -> {
            for (RuleType type : RuleType.values()) {
                RulePatch.Part part = patch.part(type);
                for (String rule : part.removed()) {
                    out.append(type.name()).append("\t-\t").append(rule).append('\n');
                }
                for (int i = 0; i < part.put().length; i++) {
                    out.append(type.name()).append("\t+\t").append(part.put()[i]).append('\t');
                    appendIds(out, part.putSources()[i]);
                    out.append('\n');
                }
            }
        });
    }

    /** What writes the lines of one stored form. */
    @FunctionalInterface
    private interface Lines {
        void writeTo(Writer out) throws IOException;
    }

    private static byte[] gzip(int estimate, Lines lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, estimate));
        try (GZIPOutputStream gzip = new FastGzip(bytes);
                Writer out = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16)) {
            lines.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static RulePatch decodePatch(InputStream stored) {
        Map<RuleType, List<String>> removed = listPerType();
        Map<RuleType, List<String>> put = listPerType();
        Map<RuleType, List<long[]>> sources = listPerType();
        try (BufferedReader in = lines(stored)) {
            String line;
            while ((line = in.readLine()) != null) {
                int first = line.indexOf('\t');
                RuleType type = RuleType.valueOf(line.substring(0, first));
                if (line.charAt(first + 1) == '-') {
                    removed.get(type).add(line.substring(first + 3));
                } else {
                    int third = line.indexOf('\t', first + 3);
                    put.get(type).add(line.substring(first + 3, third));
                    sources.get(type).add(parseIds(line, third + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<RuleType, RulePatch.Part> parts = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            parts.put(type, new RulePatch.Part(removed.get(type).toArray(String[]::new),
                    put.get(type).toArray(String[]::new), sources.get(type).toArray(long[][]::new)));
        }
        return new RulePatch(parts);
    }

    private static void appendIds(Writer out, long[] ids) throws IOException {
        for (int j = 0; j < ids.length; j++) {
            if (j > 0) {
                out.append(',');
            }
            out.append(Long.toString(ids[j]));
        }
    }

    static RuleSet decode(InputStream stored) {
        Map<RuleType, List<String>> rules = listPerType();
        Map<RuleType, List<long[]>> sources = listPerType();
        try (BufferedReader in = lines(stored)) {
            String line;
            while ((line = in.readLine()) != null) {
                int first = line.indexOf('\t');
                int second = line.indexOf('\t', first + 1);
                RuleType type = RuleType.valueOf(line.substring(0, first));
                rules.get(type).add(line.substring(first + 1, second));
                sources.get(type).add(parseIds(line, second + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<RuleType, String[]> ruleArrays = new EnumMap<>(RuleType.class);
        Map<RuleType, long[][]> sourceArrays = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            ruleArrays.put(type, rules.get(type).toArray(String[]::new));
            sourceArrays.put(type, sources.get(type).toArray(long[][]::new));
        }
        return RuleSet.of(ruleArrays, sourceArrays);
    }

    private static <T> Map<RuleType, List<T>> listPerType() {
        Map<RuleType, List<T>> lists = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            lists.put(type, new ArrayList<>());
        }
        return lists;
    }

    private static BufferedReader lines(InputStream stored) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(stored, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    }

    private static long[] parseIds(String line, int from) {
        if (from >= line.length()) {
            return new long[0];
        }
        int count = 1;
        for (int i = from; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                count++;
            }
        }
        long[] ids = new long[count];
        int index = 0;
        long value = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ',') {
                ids[index++] = value;
                value = 0;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        ids[index] = value;
        return ids;
    }

    /** gzip at the fastest level: the content is rewritten on every change, so speed beats ratio. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(java.io.OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
