package org.interdict.target;

import com.google.common.net.InternetDomainName;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
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
 * (a public suffix, a CDN's address, a whole /8, one of the most-used sites), or whose name passes for another.
 * Immutable once built and safe to share; each check costs a few hash look-ups or binary searches.
 *
 * <ul>
 *   <li>A URL trips the guards of its host: many filters see only the host name of an HTTPS request, and block
 *       the whole host for a URL on it.
 *   <li>An IPv6 address or block that carries an IPv4 one through NAT64 or 6to4 ({@link EmbeddedIpv4}) trips
 *       the guards of that IPv4 address or block as well: blocking it blocks the IPv4 host.
 *   <li>An internationalised name is checked against UTS #39 (ICU's {@link SpoofChecker}): a label mixing scripts
 *       beyond the highly restrictive profile, invisible or overlaid marks, mixed digit systems, or a skeleton
 *       equal to one of the most-used sites ({@code аpple.com} with a Cyrillic {@code а}). ASCII names are not:
 *       look-alikes such as {@code paypa1.com} read plainly, and fraud orders name them every day.
 * </ul>
 */
public final class Guards {

    private static final int WIDEST_IPV4_PREFIX = 16;
    private static final int WIDEST_IPV6_PREFIX = 32;
    private static final String WWW = "www.";
    private static final String ACE_PREFIX = "xn--";
    private static final int SPOOF_CHECKS = SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.INVISIBLE
            | SpoofChecker.MIXED_NUMBERS | SpoofChecker.HIDDEN_OVERLAY;

    private final Set<String> highImpact;
    /** Every proper parent of a listed name, mapped to one listed name beneath it, for tree checks. */
    private final Map<String, String> highImpactParents;
    private final AddressRanges reservedV4 = SpecialPurposeRanges.ipv4();
    private final AddressRanges reservedV6 = SpecialPurposeRanges.ipv6();
    /** Per provider, sorted by name so that messages are deterministic. */
    private final List<AddressRanges> providerV4 = new ArrayList<>();
    private final List<AddressRanges> providerV6 = new ArrayList<>();
    private final DomainNames domains = new DomainNames();
    private final SpoofChecker spoofChecker = new SpoofChecker.Builder()
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .setChecks(SPOOF_CHECKS)
            .build();
    /** The UTS #39 skeleton of each most-used site, mapped to the site; the first in name order wins a tie. */
    private final Map<String, String> highImpactSkeletons = new HashMap<>();

    public Guards(GuardData data) {
        Objects.requireNonNull(data, "data");
        highImpact = new HashSet<>(data.highImpactNames());
        highImpactParents = new HashMap<>();
        for (String name : new TreeSet<>(data.highImpactNames())) {
            highImpactSkeletons.putIfAbsent(spoofChecker.getSkeleton(domains.toUnicode(name)), name);
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
            case DOMAIN, DOMAIN_TREE -> checkName(target.value(), target.type() == TargetType.DOMAIN_TREE);
            case URL -> checkUrlHost(target.value());
            case IP -> checkAddress(target.value());
        };
    }

    private List<GuardFinding> checkUrlHost(String url) {
        UrlHost host = UrlHost.of(url);
        List<GuardFinding> findings = host.ipLiteral() ? checkAddress(host.name()) : checkName(host.name(), false);
        return findings.stream().map(finding -> new GuardFinding(finding.code(), "the URL's host: "
                + finding.message() + " (filters that see only the host of an HTTPS request block all of it)"))
                .toList();
    }

    private List<GuardFinding> checkName(String name, boolean tree) {
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
        if (name.contains(ACE_PREFIX)) {
            GuardFinding confusable = confusable(name);
            if (confusable != null) {
                findings.add(confusable);
            }
        }
        return List.copyOf(findings);
    }

    /** The UTS #39 finding for an internationalised name, or {@code null} when it reads as what it is. */
    private GuardFinding confusable(String name) {
        String unicode = domains.toUnicode(name);
        List<String> reasons = new ArrayList<>(2);
        for (String label : unicode.split("\\.")) {
            SpoofChecker.CheckResult result = new SpoofChecker.CheckResult();
            if (spoofChecker.failsChecks(label, result)) {
                reasons.add(spoofReason(label, result.checks));
            }
        }
        String skeleton = spoofChecker.getSkeleton(unicode);
        String lookalike = highImpactSkeletons.get(skeleton);
        if (lookalike == null && skeleton.startsWith(WWW)) {
            lookalike = highImpactSkeletons.get(skeleton.substring(WWW.length()));
        }
        if (lookalike != null && !lookalike.equals(name) && !(WWW + lookalike).equals(name)) {
            reasons.add("looks like '" + lookalike + "', one of the most-used sites");
        }
        if (reasons.isEmpty()) {
            return null;
        }
        return new GuardFinding(GuardFinding.CONFUSABLE, "'" + unicode + "' (" + name + ") "
                + String.join(" and ", reasons) + ", so it can pass for another name (UTS #39)");
    }

    private static String spoofReason(String label, int checks) {
        List<String> reasons = new ArrayList<>(1);
        if ((checks & SpoofChecker.RESTRICTION_LEVEL) != 0) {
            Set<String> scripts = scriptsOf(label);
            reasons.add(scripts.size() > 1
                    ? "mixes " + String.join(" and ", scripts) + " letters in label '" + label + "'"
                    : "has characters not recommended in identifiers in label '" + label + "'");
        }
        if ((checks & SpoofChecker.INVISIBLE) != 0) {
            reasons.add("repeats a combining mark, which does not show, in label '" + label + "'");
        }
        if ((checks & SpoofChecker.MIXED_NUMBERS) != 0) {
            reasons.add("mixes digits of different number systems in label '" + label + "'");
        }
        if ((checks & SpoofChecker.HIDDEN_OVERLAY) != 0) {
            reasons.add("has a mark that hides in the letter before it in label '" + label + "'");
        }
        return String.join(" and ", reasons);
    }

    /** The scripts of a label's letters, by name, leaving out the common and inherited ones (digits, marks). */
    private static Set<String> scriptsOf(String label) {
        Set<String> scripts = new TreeSet<>();
        label.codePoints().map(UScript::getScript)
                .filter(script -> script != UScript.COMMON && script != UScript.INHERITED)
                .forEach(script -> scripts.add(UScript.getName(script)));
        return scripts;
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
        List<GuardFinding> findings = new ArrayList<>(2);
        checkBlock(value, findings);
        for (EmbeddedIpv4.Image image : EmbeddedIpv4.embedded(value)) {
            List<GuardFinding> carried = new ArrayList<>(2);
            checkBlock(image.ipv4(), carried);
            for (GuardFinding finding : carried) {
                findings.add(new GuardFinding(finding.code(), value + " reaches IPv4 through " + image.translation()
                        + ": " + finding.message()));
            }
        }
        return List.copyOf(findings);
    }

    private void checkBlock(String value, List<GuardFinding> findings) {
        IpBlock block = IpBlock.parseLenient(value);
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
    }
}
