package org.interdict.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.interdict.target.TargetType;
import org.interdict.target.UrlHost;

/**
 * Compiles the targets of the directives in force for one ISP audience into a {@link RuleSet}: de-duplicated,
 * subsumed, merged and minus the allowlist, with every collision reported.
 *
 * <ul>
 *   <li>A domain tree covers the names, deeper trees and URL hosts inside it; they are not emitted and their
 *       directives join the provenance of the topmost tree that covers them. An exact domain also blocked as a
 *       tree appears once, as the tree.
 *   <li>IP addresses and blocks of each family merge into the fewest CIDR blocks covering exactly the same
 *       addresses; a block's provenance is every directive whose target intersects it.
 *   <li>A URL whose host is an IP literal stays a URL even inside a blocked block: proxies match URLs, and the
 *       block is enforced at another layer, so folding one into the other would lose the URL rule for them.
 *   <li>Nothing published matches the allowlist: protected exact names and URL hosts are dropped, a tree
 *       containing or inside a protected name is refused whole, a block containing a protected range is carved
 *       around it and a block inside one is dropped.
 * </ul>
 *
 * <p>The output depends only on the multiset of inputs, never on their order: every output is sorted and the
 * provenance of a rule is a sorted set.
 */
public final class RuleSetCompiler {

    private static final byte ACCEPTED = 0;
    private static final byte REFUSED = 1;
    private static final byte COVERED = 2;

    public CompileResult compile(List<TargetRule> targets, List<AllowEntry> allowlist) {
        int[] counts = new int[TargetType.values().length];
        for (TargetRule target : targets) {
            counts[target.type().ordinal()]++;
        }
        Map<TargetType, TargetColumn> columns = new EnumMap<>(TargetType.class);
        for (TargetType type : TargetType.values()) {
            columns.put(type, new TargetColumn(counts[type.ordinal()]));
        }
        for (TargetRule target : targets) {
            columns.get(target.type()).add(target.value(), target.directiveId());
        }
        TargetColumn domains = columns.get(TargetType.DOMAIN);

        // Two independent jobs go to the other core while this thread handles trees and URLs: sorting the exact
        // names, the largest single job, and the IP blocks. Each job has its own SingleIds: they are not shared
        // between threads.
        SingleIds ipSingles = new SingleIds();
        CidrAggregator ipv4 = new CidrAggregator(false, ipSingles);
        CidrAggregator ipv6 = new CidrAggregator(true, ipSingles);
        SingleIds singles = new SingleIds();
        Allowlist allowed = new Allowlist(allowlist, ipv4, ipv6, singles);
        ForkJoinPool pool = ForkJoinPool.commonPool();
        ForkJoinTask<StringSorter.Sorted> sortedDomains =
                pool.submit(() -> StringSorter.sort(domains.values, domains.size()));
        ForkJoinTask<IpRules> ipRules = pool.submit(() -> IpRules.of(columns.get(TargetType.IP), ipv4, ipv6));

        Collection<Conflict> conflicts = new TreeSet<>(Conflict.ORDER);
        NameTable trees = new NameTable(counts[TargetType.DOMAIN_TREE.ordinal()], singles);
        TargetColumn treeTargets = columns.get(TargetType.DOMAIN_TREE);
        for (int i = 0; i < treeTargets.size(); i++) {
            trees.add(treeTargets.values[i], treeTargets.ids[i]);
        }
        byte[] treeStates = settleTrees(trees, allowed, conflicts);
        NameTable.EntryFilter accepted = entry -> treeStates[entry] != REFUSED;
        RuleBuffer urlRules = urlRules(columns.get(TargetType.URL), trees, accepted, allowed, ipv4, ipv6, singles,
                conflicts);

        // Read-only lookups in input order, the order the names lie in memory; the other core joins in once its
        // jobs are done.
        int[] coveredBy = new int[domains.size()];
        Arrays.parallelSetAll(coveredBy, i -> {
            String name = domains.values[i];
            int top = trees.findAncestor(name, true, accepted);
            return top >= 0 ? top : allowed.protects(name) ? DomainRules.PROTECTED : DomainRules.FREE;
        });
        StringSorter.Sorted sorted = sortedDomains.join();
        // The upper half of the sorted names is sorted out on the other core; the trees and the conflicts are
        // changed on this thread only, afterwards.
        int middle = DomainRules.groupStartNear(sorted, domains.size() / 2);
        ForkJoinTask<DomainRules> upper = pool.submit(
                () -> DomainRules.sortOut(sorted, middle, domains.size(), domains, coveredBy, new SingleIds()));
        DomainRules[] stretches = {DomainRules.sortOut(sorted, 0, middle, domains, coveredBy, singles), upper.join()};
        for (DomainRules stretch : stretches) {
            stretch.forEachAside((name, ids, top) -> {
                if (top >= 0) {
                    trees.addIds(top, ids);
                } else {
                    dropIfProtected(name, ids, TargetType.DOMAIN, name, allowed, conflicts);
                }
            });
        }

        RuleBuffer treeRules = new RuleBuffer(trees.size());
        for (int e = 0; e < trees.size(); e++) {
            if (treeStates[e] == ACCEPTED) {
                treeRules.add(trees.name(e), trees.ids(e));
            }
        }
        treeRules.sort();
        IpRules ip = ipRules.join();
        conflicts.addAll(ip.conflicts());

        Map<RuleType, String[]> rules = new EnumMap<>(RuleType.class);
        Map<RuleType, long[][]> sources = new EnumMap<>(RuleType.class);
        rules.put(RuleType.DOMAIN, DomainRules.values(stretches));
        sources.put(RuleType.DOMAIN, DomainRules.sources(stretches));
        Map<RuleType, RuleBuffer> buffers = new EnumMap<>(RuleType.class);
        buffers.put(RuleType.DOMAIN_TREE, treeRules);
        buffers.put(RuleType.URL, urlRules);
        buffers.put(RuleType.IPV4, ip.ipv4());
        buffers.put(RuleType.IPV6, ip.ipv6());
        buffers.forEach((type, buffer) -> {
            rules.put(type, buffer.values());
            sources.put(type, buffer.sources());
        });
        return new CompileResult(RuleSet.ofSorted(rules, sources), new ArrayList<>(conflicts));
    }

    /**
     * The URL rules, sorted, minus those whose host a tree covers (their ids join the tree) or the allowlist
     * protects.
     */
    private static RuleBuffer urlRules(TargetColumn targets, NameTable trees, NameTable.EntryFilter accepted,
            Allowlist allowed, CidrAggregator ipv4, CidrAggregator ipv6, SingleIds singles,
            Collection<Conflict> conflicts) {
        NameTable urls = new NameTable(targets.size(), singles);
        for (int i = 0; i < targets.size(); i++) {
            urls.add(targets.values[i], targets.ids[i]);
        }
        RuleBuffer urlRules = new RuleBuffer(urls.size());
        for (int e = 0; e < urls.size(); e++) {
            String url = urls.name(e);
            UrlHost host = UrlHost.of(url);
            long[] ids = urls.ids(e);
            if (host.ipLiteral()) {
                List<AllowEntry> protecting = (host.ipv6() ? ipv6 : ipv4).protecting(host.name());
                if (protecting.isEmpty()) {
                    urlRules.add(url, ids);
                } else {
                    refuse(ids, TargetType.URL, url, protecting, "its host " + host.name() + " is protected", conflicts);
                }
                continue;
            }
            int top = trees.findAncestor(host.name(), true, accepted);
            if (top >= 0) {
                trees.addIds(top, urls, e);
            } else if (!dropIfProtected(host.name(), ids, TargetType.URL, url, allowed, conflicts)) {
                urlRules.add(url, ids);
            }
        }
        urlRules.sort();
        return urlRules;
    }

    /**
     * Refuses and reports the trees that contain a protected name (one of its suffixes is the tree root) or lie
     * inside a protected tree, and folds each other tree inside an accepted one into the topmost such tree. One
     * pass reads each tree's name once: an ancestor of a tree not inside a protected tree is not inside one either,
     * so when the pass reaches a tree its ancestors' refusals are already known.
     *
     * @return per tree entry: {@link #ACCEPTED}, {@link #REFUSED} or {@link #COVERED}
     */
    private static byte[] settleTrees(NameTable trees, Allowlist allowed, Collection<Conflict> conflicts) {
        byte[] states = new byte[trees.size()];
        Map<Integer, List<AllowEntry>> containing = new HashMap<>();
        for (AllowEntry entry : allowed.names()) {
            for (int e : trees.ancestors(entry.value())) {
                addTo(containing.computeIfAbsent(e, k -> new ArrayList<>(2)), entry);
                states[e] = REFUSED;
            }
        }
        NameTable.EntryFilter accepted = entry -> states[entry] != REFUSED;
        boolean checkInside = !allowed.isEmptyForNames();
        for (int e = 0; e < trees.size(); e++) {
            String name = trees.name(e);
            if (states[e] == REFUSED || checkInside && allowed.insideProtectedTree(name)) {
                List<AllowEntry> protecting = containing.getOrDefault(e, new ArrayList<>(2));
                allowed.protectingTree(name).forEach(entry -> addTo(protecting, entry));
                states[e] = REFUSED;
                refuse(trees.ids(e), TargetType.DOMAIN_TREE, name, protecting, "the tree overlaps a protected name",
                        conflicts);
                continue;
            }
            int top = trees.findAncestor(name, false, accepted);
            if (top >= 0) {
                trees.addIds(top, trees, e);
                states[e] = COVERED;
            }
        }
        return states;
    }

    private static void addTo(List<AllowEntry> list, AllowEntry entry) {
        if (!list.contains(entry)) {
            list.add(entry);
        }
    }

    private static boolean dropIfProtected(String name, long[] ids, TargetType type, String value, Allowlist allowed,
            Collection<Conflict> conflicts) {
        if (allowed.isEmptyForNames()) {
            return false;
        }
        List<AllowEntry> protecting = allowed.protectingName(name);
        if (protecting.isEmpty()) {
            return false;
        }
        refuse(ids, type, value, protecting, type == TargetType.URL ? "its host " + name + " is protected" : "the name is protected",
                conflicts);
        return true;
    }

    private static void refuse(long[] ids, TargetType type, String value, List<AllowEntry> protecting, String why,
            Collection<Conflict> conflicts) {
        for (long id : ids) {
            for (AllowEntry entry : protecting) {
                String message = value + " refused: " + why + " by " + entry.type() + " " + entry.value() + " ("
                        + entry.reason() + ")";
                conflicts.add(new Conflict(id, type, value, entry, Resolution.REFUSED, message));
            }
        }
    }
}
