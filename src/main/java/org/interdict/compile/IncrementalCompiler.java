package org.interdict.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles a small change on top of an earlier result: only the targets whose {@link SubsumptionKeys key} a change
 * touches are compiled again, and their rules replace that key's rules in the earlier rule set. The result equals a
 * full compilation of the new inputs (a property test holds the two to each other), at the cost of the changed
 * keys plus one pass over the earlier rules.
 */
public final class IncrementalCompiler {

    /** The new result, the patch from the earlier rule set to the new one, and the rules an appliance must change. */
    public record Recompiled(CompileResult result, RulePatch patch, Delta delta) {}

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    /** The keys of targets that entered or left the inputs. */
    public static Set<String> keysOf(Collection<TargetRule> changed) {
        Set<String> keys = new HashSet<>();
        for (TargetRule target : changed) {
            keys.add(SubsumptionKeys.of(target.type(), target.value()));
        }
        return keys;
    }

    /**
     * @param previous a compilation of the earlier inputs with the same allowlist
     * @param keys the keys of every target that entered or left the inputs since
     * @param inputsWithKeys every target of the new inputs whose key is in {@code keys}
     */
    public Recompiled recompile(CompileResult previous, Set<String> keys, List<TargetRule> inputsWithKeys,
            List<AllowEntry> allowlist) {
        CompileResult part = compiler.compile(inputsWithKeys, allowlist);
        RuleSet old = previous.ruleSet();
        Map<RuleType, RulePatch.Part> parts = new EnumMap<>(RuleType.class);
        Map<RuleType, List<String>> added = new EnumMap<>(RuleType.class);
        Map<RuleType, List<String>> removed = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            Map<String, long[]> before = rulesWithKeys(old, type, keys);
            String[] now = part.ruleSet().rulesArray(type);
            long[][] nowSources = part.ruleSet().sourcesArray(type);
            List<String> put = new ArrayList<>();
            List<long[]> putSources = new ArrayList<>();
            List<String> fresh = new ArrayList<>();
            for (int i = 0; i < now.length; i++) {
                long[] earlier = before.remove(now[i]);
                if (earlier == null) {
                    fresh.add(now[i]);
                }
                if (earlier == null || !Arrays.equals(earlier, nowSources[i])) {
                    put.add(now[i]);
                    putSources.add(nowSources[i]);
                }
            }
            // What is left of the earlier rules is gone; the map kept their order.
            List<String> gone = new ArrayList<>(before.keySet());
            parts.put(type, new RulePatch.Part(gone.toArray(String[]::new), put.toArray(String[]::new),
                    putSources.toArray(long[][]::new)));
            added.put(type, fresh);
            removed.put(type, gone);
        }
        RulePatch patch = new RulePatch(parts);
        Collection<Conflict> conflicts = new TreeSet<>(Conflict.ORDER);
        for (Conflict conflict : previous.conflicts()) {
            if (!keys.contains(SubsumptionKeys.of(conflict.targetType(), conflict.targetValue()))) {
                conflicts.add(conflict);
            }
        }
        conflicts.addAll(part.conflicts());
        return new Recompiled(new CompileResult(patch.applyTo(old), new ArrayList<>(conflicts)), patch,
                new Delta(added, removed));
    }

    /** The earlier rules of the changed keys with their provenance, in order. */
    private static Map<String, long[]> rulesWithKeys(RuleSet rules, RuleType type, Set<String> keys) {
        String[] values = rules.rulesArray(type);
        long[][] sources = rules.sourcesArray(type);
        Map<String, long[]> found = new LinkedHashMap<>();
        if (type == RuleType.IPV4 || type == RuleType.IPV6) {
            // An address family is one key: all of its rules or none.
            if (keys.contains(type == RuleType.IPV4 ? SubsumptionKeys.IPV4 : SubsumptionKeys.IPV6)) {
                for (int i = 0; i < values.length; i++) {
                    found.put(values[i], sources[i]);
                }
            }
            return found;
        }
        int[] hashes = rules.keyHashes(type);
        int[] wanted = keys.stream().mapToInt(String::hashCode).sorted().toArray();
        for (int i = 0; i < hashes.length; i++) {
            // An equal hash only points at a candidate; the key itself decides.
            if (Arrays.binarySearch(wanted, hashes[i]) >= 0 && keys.contains(SubsumptionKeys.of(type, values[i]))) {
                found.put(values[i], sources[i]);
            }
        }
        return found;
    }
}
