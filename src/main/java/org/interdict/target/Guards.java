package org.interdict.target;

import com.google.common.net.InternetDomainName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collateral-damage guards: flags valid targets whose blocking would hit far more than the order means to
 * (a public suffix, a CDN's address, a whole /8, one of the most-used sites). Immutable once built and safe to
 * share; each check costs a few hash look-ups or binary searches.
 *
 * <p>URLs are never flagged: a filter matching a whole URL cannot spill over to other sites.
 */
public final class Guards {

    private static final int WIDEST_IPV4_PREFIX = 16;
    private static final int WIDEST_IPV6_PREFIX = 32;
    private static final String WWW = "www.";

    private final Set<String> highImpact;
    /** Every proper parent of a listed name, mapped to one listed name beneath it, for tree checks. */
    private final Map<String, String> highImpactParents;
    private final AddressRanges reservedV4 = SpecialPurposeRanges.ipv4();
    private final AddressRanges reservedV6 = SpecialPurposeRanges.ipv6();
    /** Per provider, sorted by name so that messages are deterministic. */
    private final List<AddressRanges> providerV4 = new ArrayList<>();
    private final List<AddressRanges> providerV6 = new ArrayList<>();

    public Guards(GuardData data) {
        Objects.requireNonNull(data, "data");
        highImpact = new HashSet<>(data.highImpactNames());
        highImpactParents = new HashMap<>();
        for (String name : new TreeSet<>(data.highImpactNames())) {
            for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
                highImpactParents.putIfAbsent(name.substring(dot + 1), name);
            }
        }
        new TreeMap<>(data.sharedInfrastructure()).forEach((provider, blocks) -> {
            List<IpBlock> v4 = new ArrayList<>();
            List<IpBlock> v6 = new ArrayList<>();
            for (String text : blocks) {
                IpBlock block = IpBlock.parseLenient(text);
                (block.v6() ? v6 : v4).add(block);
            }
            providerV4.add(new AddressRanges(v4, Collections.nCopies(v4.size(), provider)));
            providerV6.add(new AddressRanges(v6, Collections.nCopies(v6.size(), provider)));
        });
    }

    /** The findings for one target, in a fixed order; empty when nothing stands out. */
    public List<GuardFinding> check(Target target) {
        Objects.requireNonNull(target, "target");
        return switch (target.type()) {
            case DOMAIN, DOMAIN_TREE -> checkName(target);
            case URL -> List.of();
            case IP -> checkAddress(target.value());
        };
    }

    private List<GuardFinding> checkName(Target target) {
        String name = target.value();
        boolean tree = target.type() == TargetType.DOMAIN_TREE;
        List<GuardFinding> findings = new ArrayList<>(2);
        InternetDomainName domain = publicSuffixView(name);
        if (domain != null) {
            if (domain.isRegistrySuffix()) {
                findings.add(new GuardFinding(GuardFinding.PUBLIC_SUFFIX, "'" + name
                        + "' is a public suffix under which anyone can register names; blocking it hits them all"));
            } else if (domain.isPublicSuffix()) {
                findings.add(new GuardFinding(GuardFinding.PRIVATE_REGISTRY_SUFFIX, "'" + name
                        + "' is a shared hosting suffix whose subdomains belong to unrelated users"));
            }
        }
        String listed = highImpactName(name, tree);
        if (listed != null) {
            String message = listed.equals(name)
                    ? "'" + name + "' is one of the most-used sites"
                    : "'" + name + "' covers '" + listed + "', one of the most-used sites";
            findings.add(new GuardFinding(GuardFinding.HIGH_IMPACT, message));
        }
        return List.copyOf(findings);
    }

    /** Guava's view of the name, or {@code null} for the rare name it is stricter about than we are. */
    private static InternetDomainName publicSuffixView(String name) {
        try {
            return InternetDomainName.from(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The listed name this target hits, or {@code null}; "www." of a listed site is the site itself. */
    private String highImpactName(String name, boolean tree) {
        if (highImpact.contains(name)) {
            return name;
        }
        if (name.startsWith(WWW) && highImpact.contains(name.substring(WWW.length()))) {
            return name.substring(WWW.length());
        }
        return tree ? highImpactParents.get(name) : null;
    }

    private List<GuardFinding> checkAddress(String value) {
        IpBlock block = IpBlock.parseLenient(value);
        List<GuardFinding> findings = new ArrayList<>(2);
        int widest = block.v6() ? WIDEST_IPV6_PREFIX : WIDEST_IPV4_PREFIX;
        if (block.prefix() < widest) {
            findings.add(new GuardFinding(GuardFinding.TOO_BROAD, value + " is wider than /" + widest
                    + " for " + (block.v6() ? "IPv6" : "IPv4")));
        }
        String reserved = (block.v6() ? reservedV6 : reservedV4).overlapping(block);
        if (reserved != null) {
            findings.add(new GuardFinding(GuardFinding.RESERVED_RANGE, value + " overlaps the " + reserved));
        }
        StringJoiner providers = new StringJoiner(", ");
        for (AddressRanges ranges : block.v6() ? providerV6 : providerV4) {
            String provider = ranges.overlapping(block);
            if (provider != null) {
                providers.add(provider);
            }
        }
        if (providers.length() > 0) {
            findings.add(new GuardFinding(GuardFinding.SHARED_INFRASTRUCTURE, value
                    + " overlaps address space published by " + providers
                    + "; blocking it hits unrelated sites hosted there"));
        }
        return List.copyOf(findings);
    }
}
