package org.interdict.target;

import java.util.ArrayList;
import java.util.List;

/**
 * IPv6 addresses that carry an IPv4 address and reach that IPv4 host through a translator or relay: the NAT64
 * well-known prefix {@code 64:ff9b::/96} (RFC 6052, the IPv4 address in the last 32 bits) and 6to4
 * {@code 2002::/16} (RFC 3056, the IPv4 address right after the prefix, one /48 per address). Blocking such an
 * IPv6 address blocks the IPv4 host behind it, so the guards and the allowlist treat it as that IPv4 address.
 */
public final class EmbeddedIpv4 {

    /**
     * An IPv4 block seen through one translation: {@code ipv6} is the IPv6 block that carries exactly the
     * addresses of {@code ipv4}; both are canonical text.
     */
    public record Image(String translation, String ipv4, String ipv6) {}

    /** A translation prefix; the IPv4 address sits right after it. */
    private record Translation(String name, IpBlock prefix) {}

    private static final List<Translation> TRANSLATIONS = List.of(
            new Translation("NAT64", IpBlock.parseLenient("64:ff9b::/96")),
            new Translation("6to4", IpBlock.parseLenient("2002::/16")));
    private static final long IPV4_BITS = 0xFFFF_FFFFL;

    private EmbeddedIpv4() {
    }

    /** The IPv6 images of an IPv4 address or block, one per translation; none for an IPv6 value. */
    public static List<Image> images(String ipv4Block) {
        IpBlock block = IpBlock.parseLenient(ipv4Block);
        if (block.v6()) {
            return List.of();
        }
        List<Image> images = new ArrayList<>(TRANSLATIONS.size());
        for (Translation translation : TRANSLATIONS) {
            int offset = translation.prefix().prefix();
            long hi = translation.prefix().hi();
            long lo = translation.prefix().lo();
            // the IPv4 address lies wholly within one half of the 128 bits for both translations
            if (offset >= 64) {
                lo |= block.lo() << (128 - offset - 32);
            } else {
                hi |= block.lo() << (64 - offset - 32);
            }
            IpBlock image = new IpBlock(true, hi, lo, offset + block.prefix());
            images.add(new Image(translation.name(), block.text(), image.text()));
        }
        return images;
    }

    /**
     * The IPv4 addresses an IPv6 address or block carries, one image per translation prefix it overlaps: a block
     * inside a prefix carries the IPv4 block its bits spell, a block containing a whole prefix carries every IPv4
     * address. None for an IPv4 value or an IPv6 block outside both prefixes.
     */
    public static List<Image> embedded(String ipv6Block) {
        IpBlock block = IpBlock.parseLenient(ipv6Block);
        if (!block.v6()) {
            return List.of();
        }
        List<Image> found = new ArrayList<>(1);
        for (Translation translation : TRANSLATIONS) {
            IpBlock prefix = translation.prefix();
            if (block.contains(prefix)) {
                found.add(new Image(translation.name(), "0.0.0.0/0", prefix.text()));
            } else if (prefix.contains(block)) {
                int offset = prefix.prefix();
                long bits = offset >= 64 ? block.lo() >>> (128 - offset - 32) : block.hi() >>> (64 - offset - 32);
                IpBlock ipv4 = IpBlock.masked(false, 0, bits & IPV4_BITS, Math.min(block.prefix() - offset, 32));
                found.add(new Image(translation.name(), ipv4.text(), block.text()));
            }
        }
        return found;
    }
}
