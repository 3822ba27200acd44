package org.interdict.target;

/**
 * The host part of a canonical {@code http(s)://host[:port]/path?query} URL, as {@link TargetParser} writes it:
 * a lower-case ASCII name, a dotted-quad IPv4 address, or an IPv6 address (given here without its brackets).
 */
public record UrlHost(String name, boolean ipLiteral, boolean ipv6) {

    public static UrlHost of(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            throw new IllegalArgumentException("not a canonical URL: " + url);
        }
        start += 3;
        int length = url.length();
        if (start < length && url.charAt(start) == '[') {
            int close = url.indexOf(']', start);
            if (close < 0) {
                throw new IllegalArgumentException("not a canonical URL: " + url);
            }
            return new UrlHost(url.substring(start + 1, close), true, true);
        }
        int end = start;
        while (end < length) {
            char c = url.charAt(end);
            if (c == ':' || c == '/' || c == '?' || c == '#') {
                break;
            }
            end++;
        }
        if (end == start) {
            throw new IllegalArgumentException("URL without a host: " + url);
        }
        // a top-level label is never all digits, so a trailing digit means a dotted-quad literal
        boolean ipv4 = Character.isDigit(url.charAt(end - 1));
        return new UrlHost(url.substring(start, end), ipv4, false);
    }
}
