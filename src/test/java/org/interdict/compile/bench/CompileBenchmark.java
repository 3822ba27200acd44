package org.interdict.compile.bench;

import com.google.common.net.InetAddresses;
import com.ibm.icu.text.IDNA;
import java.io.IOException;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.interdict.compile.AllowEntry;
import org.interdict.compile.AllowType;
import org.interdict.compile.CompileResult;
import org.interdict.compile.Delta;
import org.interdict.compile.IncrementalCompiler;
import org.interdict.compile.RuleSet;
import org.interdict.compile.RuleSetCompiler;
import org.interdict.compile.SubsumptionKeys;
import org.interdict.compile.TargetRule;
import org.interdict.target.TargetType;

/**
 * Compiles a synthetic national-scale register (fixed seed) and prints {@code name: value} lines: compile time
 * (wall clock and process CPU), delta time between two sets differing in 1 %, peak heap after collections. Also
 * writes the domains and the IPv4 part to the given directory so the caller can time the reference tools on the
 * same data.
 */
public final class CompileBenchmark {

    private static final long SEED = 0x1353_2022L;
    private static final int DOMAINS = 1_000_000;
    private static final int ADDRESSES = 300_000;
    private static final int URLS = 50_000;
    private static final int DIRECTIVES = 6;
    private static final int WARMUP_RUNS = 5;
    private static final int MEASURED_RUNS = 7;
    private static final String[] SUFFIXES = {"vn", "com.vn", "net.vn", "org.vn", "com", "net", "org", "info", "xyz"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";

    private final SplittableRandom random;
    private final IDNA idna = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII);

    private CompileBenchmark(long seed) {
        random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of(args[0]);
        CompileBenchmark generator = new CompileBenchmark(SEED);
        List<TargetRule> targets = generator.register();
        List<AllowEntry> allowlist = generator.allowlist();
        writeInputs(targets, dir);

        RuleSetCompiler compiler = new RuleSetCompiler();
        CompileResult result = null;
        for (int i = 0; i < WARMUP_RUNS; i++) {
            result = compiler.compile(targets, allowlist);
        }
        System.gc();
        LiveHeapPeak liveHeap = new LiveHeapPeak();
        long[] times = new long[MEASURED_RUNS];
        long[] cpuTimes = new long[MEASURED_RUNS];
        long[] provenanceTimes = new long[MEASURED_RUNS];
        long[][] references = new long[3][MEASURED_RUNS];
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < MEASURED_RUNS; i++) {
            // Each compilation is paired with a run of the reference, so that both meet the machine in the same
            // state; each starts after a pause, so neither runs beside what the other left behind (a collection).
            reference(dir, references, i);
            settle();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            result = compiler.compile(targets, allowlist);
            // The digests are computed on first use; they are part of the compilation's cost: the rules' digest
            // identifies what appliances load, the provenance digest tells versions apart.
            result.ruleSet().digest();
            long beforeProvenance = System.nanoTime();
            result.ruleSet().provenanceDigest();
            long end = System.nanoTime();
            times[i] = end - start;
            provenanceTimes[i] = end - beforeProvenance;
            cpuTimes[i] = os.getProcessCpuTime() - cpuStart;
        }
        long peakHeap = liveHeap.stop();

        List<TargetRule> changed = generator.changeOnePercent(targets);
        RuleSet from = result.ruleSet();
        // Strings of its own, as when one side is read back from storage: no rule text is shared with the other.
        RuleSet to = compiler.compile(withOwnStrings(changed), allowlist).ruleSet();
        long[] deltaTimes = new long[MEASURED_RUNS];
        Delta delta = timeDelta(from, to, deltaTimes);
        // Sharing the unchanged rules' strings, as a rule set patched or compiled from the same inputs does.
        long[] sharedDeltaTimes = new long[MEASURED_RUNS];
        timeDelta(from, compiler.compile(changed, allowlist).ruleSet(), sharedDeltaTimes);

        System.out.println("targets: " + targets.size());
        System.out.println("rules: " + from.size());
        System.out.println("conflicts: " + result.conflicts().size());
        System.out.println("delta_size: " + delta.size());
        System.out.println("digest: " + from.digest());
        System.out.println("peak_heap_mb: " + peakHeap / (1024 * 1024));
        System.out.printf("compile_ms: %.1f%n", median(times) / 1e6);
        System.out.printf("reference_sort_ms: %.1f%n", median(references[1]) / 1e6);
        System.out.printf("reference_iprange_ms: %.1f%n", median(references[2]) / 1e6);
        System.out.printf("reference_ms: %.1f%n", median(references[0]) / 1e6);
        System.out.printf("compile_ratio: %.2f%n", median(times) / median(references[0]));
        System.out.printf("compile_cpu_ms: %.1f%n", median(cpuTimes) / 1e6);
        System.out.printf("provenance_digest_ms: %.1f%n", median(provenanceTimes) / 1e6);
        System.out.printf("delta_ms: %.1f%n", median(deltaTimes) / 1e6);
        System.out.printf("delta_shared_ms: %.1f%n", median(sharedDeltaTimes) / 1e6);
        incremental(targets, allowlist, result);
    }

    /** The delta, timed after warm-up runs; checked to reproduce {@code to}. */
    private static Delta timeDelta(RuleSet from, RuleSet to, long[] times) {
        Delta delta = null;
        for (int i = 0; i < WARMUP_RUNS + times.length; i++) {
            long start = System.nanoTime();
            delta = Delta.between(from, to);
            if (i >= WARMUP_RUNS) {
                times[i - WARMUP_RUNS] = System.nanoTime() - start;
            }
        }
        if (!RuleSet.digestOf(delta.applyTo(from)).equals(to.digest())) {
            throw new IllegalStateException("delta does not reproduce the new rule set");
        }
        return delta;
    }

    private static List<TargetRule> withOwnStrings(List<TargetRule> targets) {
        List<TargetRule> copies = new ArrayList<>(targets.size());
        for (TargetRule target : targets) {
            copies.add(new TargetRule(target.directiveId(), target.type(), new String(target.value())));
        }
        return copies;
    }

    /**
     * A one-domain directive on top of the compiled register, recompiled from the previous result (the service
     * reads the targets of the touched keys from an index; here they are picked out beforehand, untimed).
     */
    private static void incremental(List<TargetRule> targets, List<AllowEntry> allowlist, CompileResult previous) {
        IncrementalCompiler incremental = new IncrementalCompiler();
        long[] times = new long[WARMUP_RUNS + MEASURED_RUNS];
        long[] digestTimes = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            TargetRule added = new TargetRule(1_000 + i, TargetType.DOMAIN, "incremental-" + i + ".example.vn");
            Set<String> keys = IncrementalCompiler.keysOf(List.of(added));
            List<TargetRule> inputs = new ArrayList<>(List.of(added));
            targets.stream().filter(t -> keys.contains(SubsumptionKeys.of(t.type(), t.value()))).forEach(inputs::add);
            long start = System.nanoTime();
            RuleSet next = incremental.recompile(previous, keys, inputs, allowlist).result().ruleSet();
            long beforeDigest = System.nanoTime();
            next.digest();
            next.provenanceDigest();
            times[i] = System.nanoTime() - start;
            digestTimes[i] = System.nanoTime() - beforeDigest;
        }
        System.out.printf("incremental_ms: %.1f%n", median(Arrays.copyOfRange(times, WARMUP_RUNS, times.length)) / 1e6);
        System.out.printf("incremental_digest_ms: %.1f%n",
                median(Arrays.copyOfRange(digestTimes, WARMUP_RUNS, times.length)) / 1e6);
    }

    /** The synthetic register compiled once: the national-scale rule set other benchmarks start from. */
    public static RuleSet nationalRuleSet() {
        CompileBenchmark generator = new CompileBenchmark(SEED);
        return new RuleSetCompiler().compile(generator.register(), generator.allowlist()).ruleSet();
    }

    private List<TargetRule> register() {
        List<TargetRule> targets = new ArrayList<>(DOMAINS + ADDRESSES + URLS);
        for (int i = 0; i < DOMAINS; i++) {
            targets.add(domainTarget());
        }
        for (int i = 0; i < ADDRESSES; i++) {
            targets.add(new TargetRule(directive(), TargetType.IP, random.nextInt(10) < 9 ? ipv4() : ipv6()));
        }
        for (int i = 0; i < URLS; i++) {
            targets.add(urlTarget());
        }
        return targets;
    }

    private TargetRule domainTarget() {
        int kind = random.nextInt(10);
        String name = kind == 0 ? idn() : name();
        return new TargetRule(directive(), kind == 1 ? TargetType.DOMAIN_TREE : TargetType.DOMAIN, name);
    }

    private TargetRule urlTarget() {
        String host = random.nextInt(20) == 0 ? ipv4Address() : name();
        return new TargetRule(directive(), TargetType.URL,
                "https://" + host + "/" + label(4, 12) + "/" + label(3, 10) + "?id=" + random.nextInt(100_000));
    }

    private List<AllowEntry> allowlist() {
        List<AllowEntry> allowlist = new ArrayList<>();
        for (String suffix : SUFFIXES) {
            allowlist.add(new AllowEntry(AllowType.DOMAIN_TREE, "gov." + suffix, "government", "authority"));
        }
        for (int i = 0; i < 200; i++) {
            allowlist.add(new AllowEntry(AllowType.DOMAIN, name(), "operator service", "isp"));
            allowlist.add(new AllowEntry(AllowType.CIDR, ipv4Address(), "resolver", "isp"));
        }
        allowlist.add(new AllowEntry(AllowType.CIDR, "2001:4860:4860::8888", "public resolver", "operator"));
        return allowlist;
    }

    /** The register with 1 % of its targets replaced by fresh ones. */
    private List<TargetRule> changeOnePercent(List<TargetRule> targets) {
        List<TargetRule> changed = new ArrayList<>(targets);
        for (int i = 0; i < targets.size() / 100; i++) {
            int at = random.nextInt(changed.size());
            TargetRule old = changed.get(at);
            TargetRule fresh = switch (old.type()) {
                case DOMAIN, DOMAIN_TREE -> domainTarget();
                case URL -> urlTarget();
                case IP -> new TargetRule(directive(), TargetType.IP, ipv4());
            };
            changed.set(at, fresh);
        }
        return changed;
    }

    private String name() {
        int labels = 1 + random.nextInt(3);
        StringBuilder name = new StringBuilder(32);
        for (int i = 0; i < labels; i++) {
            name.append(label(3, 14)).append('.');
        }
        return name.append(SUFFIXES[random.nextInt(SUFFIXES.length)]).toString();
    }

    private String idn() {
        StringBuilder unicode = new StringBuilder();
        int length = 4 + random.nextInt(10);
        for (int i = 0; i < length; i++) {
            unicode.append(VIETNAMESE.charAt(random.nextInt(VIETNAMESE.length())));
        }
        unicode.append('.').append(SUFFIXES[random.nextInt(SUFFIXES.length)]);
        StringBuilder ascii = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        idna.nameToASCII(unicode, ascii, info);
        return info.hasErrors() ? name() : ascii.toString();
    }

    private String label(int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = LETTERS.charAt(random.nextInt(i == 0 ? 26 : LETTERS.length()));
        }
        return new String(chars);
    }

    private String ipv4() {
        if (random.nextInt(10) < 7) {
            return ipv4Address();
        }
        int prefix = 16 + random.nextInt(15);
        long address = random.nextLong(1L << 32) & ~((1L << (32 - prefix)) - 1);
        return dotted(address) + "/" + prefix;
    }

    private String ipv4Address() {
        return dotted(random.nextLong(1L << 32));
    }

    private static String dotted(long address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "." + (address & 0xFF);
    }

    private String ipv6() {
        byte[] bytes = new byte[16];
        bytes[0] = 0x20;
        bytes[1] = 0x01;
        bytes[2] = 0x0d;
        bytes[3] = (byte) 0xb8;
        for (int i = 4; i < 16; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        int prefix = random.nextInt(2) == 0 ? 128 : 48 + random.nextInt(80);
        for (int bit = prefix; bit < 128; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            String text = InetAddresses.toAddrString(InetAddress.getByAddress(bytes));
            return prefix == 128 ? text : text + "/" + prefix;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private long directive() {
        return 1353 + random.nextInt(DIRECTIVES);
    }

    /**
     * One run of the reference on the written inputs: {@code LC_ALL=C sort -u} on the domains, then {@code iprange
     * --optimize} on the IPv4 part; stores the total, the sort and the iprange times at {@code run}.
     */
    private static void reference(Path dir, long[][] references, int run) throws IOException, InterruptedException {
        settle();
        long sort = timed(new ProcessBuilder("sort", "-u", dir.resolve("domains.txt").toString()), dir, "domains.sorted");
        long iprange = timed(new ProcessBuilder("iprange", "--optimize", dir.resolve("ipv4.txt").toString()), dir,
                "ipv4.merged");
        references[0][run] = sort + iprange;
        references[1][run] = sort;
        references[2][run] = iprange;
    }

    private static long timed(ProcessBuilder command, Path dir, String output) throws IOException, InterruptedException {
        command.environment().put("LC_ALL", "C");
        command.redirectOutput(dir.resolve(output).toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        long start = System.nanoTime();
        int exit = command.start().waitFor();
        long took = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command.command()) + " exited with " + exit);
        }
        return took;
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(300);
    }

    private static void writeInputs(List<TargetRule> targets, Path dir) throws IOException {
        StringBuilder domains = new StringBuilder();
        StringBuilder ipv4 = new StringBuilder();
        for (TargetRule target : targets) {
            switch (target.type()) {
                case DOMAIN, DOMAIN_TREE -> domains.append(target.value()).append('\n');
                case IP -> {
                    if (target.value().indexOf(':') < 0) {
                        ipv4.append(target.value()).append('\n');
                    }
                }
                case URL -> { }
            }
        }
        Files.writeString(dir.resolve("domains.txt"), domains, StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("ipv4.txt"), ipv4, StandardCharsets.US_ASCII);
    }

    /**
     * The largest heap occupancy right after a collection while it listens: live data plus old garbage not yet
     * collected, what a heap limit must accommodate. The pools' own peaks would count garbage waiting in eden.
     */
    private static final class LiveHeapPeak implements NotificationListener {

        private final AtomicLong peak = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();

        LiveHeapPeak() {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                NotificationEmitter emitter = (NotificationEmitter) collector;
                emitter.addNotificationListener(this, null, null);
                emitters.add(emitter);
            }
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            GcInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
            long used = info.getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
            peak.accumulateAndGet(used, Math::max);
        }

        /** Stops listening and returns the peak, in bytes. */
        long stop() {
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(this);
                } catch (ListenerNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
            return peak.get();
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
