package org.interdict.compile;

import java.util.ArrayList;
import java.util.List;
import org.interdict.target.EmbeddedIpv4;

/**
 * The protected names of an allowlist, looked up by exact name and by label suffix; protected CIDR entries are
 * handed to the aggregator of their family, and an IPv4 entry's NAT64 and 6to4 images ({@link EmbeddedIpv4}) to
 * the IPv6 one, since blocking an image blocks the IPv4 host. Entries are kept in canonical order so reports do
 * not depend on the order the allowlist came in.
 */
final class Allowlist {

    private final List<AllowEntry> entries;
    private final List<AllowEntry> names = new ArrayList<>();
    private final NameTable domains;
    private final NameTable trees;

    Allowlist(List<AllowEntry> allowlist, CidrAggregator ipv4, CidrAggregator ipv6, SingleIds singles) {
        entries = allowlist.stream().sorted(AllowEntry.CANONICAL).distinct().toList();
        domains = new NameTable(16, singles);
        trees = new NameTable(16, singles);
        for (int i = 0; i < entries.size(); i++) {
            AllowEntry entry = entries.get(i);
            switch (entry.type()) {
                case DOMAIN -> domains.add(entry.value(), i);
                case DOMAIN_TREE -> trees.add(entry.value(), i);
                case CIDR -> protectAddresses(entry, ipv4, ipv6);
            }
            if (entry.type() != AllowType.CIDR) {
                names.add(entry);
            }
        }
    }

    private static void protectAddresses(AllowEntry entry, CidrAggregator ipv4, CidrAggregator ipv6) {
        if (IpText.isIpv6(entry.value())) {
            ipv6.protect(entry);
            return;
        }
        ipv4.protect(entry);
        for (EmbeddedIpv4.Image image : EmbeddedIpv4.images(entry.value())) {
            ipv6.protect(entry, image.ipv6(), image.ipv6() + ", the " + image.translation() + " image of protected "
                    + entry.value());
        }
    }

    boolean isEmptyForNames() {
        return names.isEmpty();
    }

    /** The protected DOMAIN and DOMAIN_TREE entries, in canonical order. */
    List<AllowEntry> names() {
        return names;
    }

    /**
     * Whether any entry protects {@code name}. Unlike {@link #protectingName} it reads no ids, which share a
     * {@link SingleIds} that is not thread-safe, so it may run on several threads at once.
     */
    boolean protects(String name) {
        return !names.isEmpty() && (domains.find(name) >= 0 || insideProtectedTree(name));
    }

    /** Whether {@code name} is at or below a protected tree; reads no ids, like {@link #protects}. */
    boolean insideProtectedTree(String name) {
        return trees.findAncestor(name, true, entry -> true) >= 0;
    }

    /** The entries protecting {@code name}: equal to a protected domain, or at or below a protected tree. */
    List<AllowEntry> protectingName(String name) {
        List<AllowEntry> found = protectingTree(name);
        int exact = domains.find(name);
        if (exact >= 0) {
            found = found.isEmpty() ? new ArrayList<>() : found;
            addEntries(domains, exact, found);
        }
        return found;
    }

    /** The protected trees at or above {@code name}. */
    List<AllowEntry> protectingTree(String name) {
        int[] hits = trees.ancestors(name);
        if (hits.length == 0) {
            return List.of();
        }
        List<AllowEntry> found = new ArrayList<>();
        for (int hit : hits) {
            addEntries(trees, hit, found);
        }
        return found;
    }

    private void addEntries(NameTable table, int entry, List<AllowEntry> found) {
        for (long index : table.ids(entry)) {
            found.add(entries.get((int) index));
        }
    }
}
