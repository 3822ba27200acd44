package org.interdict.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Renders a million rules in every format inside a JVM whose heap barely holds the rule set
 * ({@link StreamingProbe}, forked with {@code -Xmx96m}).
 *
 * <p>What this proves, and no more: a renderer that built its output as one String or byte array would need
 * at least twice the output size at once (the buffer plus its copy). For every format whose output is that
 * large compared with the heap left free after building the rules, finishing without an OutOfMemoryError
 * means the output was streamed. The formats that carry domains all qualify; the IP-only formats (nftables,
 * ipset) and Squid write less than that here, so for them the run only shows they fit a small heap.
 */
class StreamingTest {

    @Test
    void rendersAMillionRulesInASmallHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ConsumerProgramsTest.Result result = ConsumerProgramsTest.run(List.of(java, "-Xmx96m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), StreamingProbe.class.getName()));
        assertThat(result.exitCode()).as(result.output()).isZero();

        Map<String, Long> bytes = new HashMap<>();
        long free = -1;
        for (String line : result.output().split("\n")) {
            String[] parts = line.split(" ");
            if (parts.length == 2 && parts[1].matches("\\d+")) {
                if (parts[0].equals("free")) {
                    free = Long.parseLong(parts[1]);
                } else {
                    bytes.put(parts[0], Long.parseLong(parts[1]));
                }
            }
        }
        assertThat(bytes.keySet()).as(result.output()).containsExactlyInAnyOrderElementsOf(Renderers.formats());
        for (String format : List.of("json", "txt", "rpz", "hosts", "unbound", "dnsmasq", "csv")) {
            assertThat(2 * bytes.get(format)).as("%s output against free heap%n%s", format, result.output())
                    .isGreaterThan(free);
        }
    }
}
