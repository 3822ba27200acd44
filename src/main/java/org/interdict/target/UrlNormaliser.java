package org.interdict.target;

import com.google.common.net.InetAddresses;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Normalises an http(s) URL to one canonical text (RFC 3986 section 6 plus the http scheme rules), so that two
 * spellings of one resource collapse into one rule.
 */
final class UrlNormaliser {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final boolean[] UNRESERVED = new boolean[128];
    private static final boolean[] PATH_RAW = new boolean[128];
    private static final boolean[] QUERY_RAW = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            UNRESERVED[c] = true;
            UNRESERVED[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            UNRESERVED[c] = true;
        }
        for (char c : "-._~".toCharArray()) {
            UNRESERVED[c] = true;
        }
        System.arraycopy(UNRESERVED, 0, PATH_RAW, 0, 128);
        // pchar = unreserved / sub-delims / ":" / "@", plus the "/" separator
        for (char c : "!$&'()*+,;=:@/".toCharArray()) {
            PATH_RAW[c] = true;
        }
        System.arraycopy(PATH_RAW, 0, QUERY_RAW, 0, 128);
        QUERY_RAW['?'] = true;
    }

    private final DomainNames domains;

    UrlNormaliser(DomainNames domains) {
        this.domains = domains;
    }

    String normalise(String url) throws Refusal {
        if (url.isEmpty()) {
            throw new Refusal(TargetProblem.EMPTY, "the URL is empty");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < ' ' || c == 0x7f) {
                throw new Refusal(TargetProblem.INVALID_URL, "the URL contains a control character");
            }
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0 || !isScheme(url.substring(0, schemeEnd))) {
            throw new Refusal(TargetProblem.INVALID_URL,
                    Refusal.quote(url) + " is not a URL; it must start with http:// or https://");
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> throw new Refusal(TargetProblem.URL_SCHEME,
                    "scheme " + Refusal.quote(scheme) + " is not supported; only http and https");
        };

        String rest = url.substring(schemeEnd + 3);
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            // The fragment never leaves the browser, so no filter can see it.
            rest = rest.substring(0, fragment);
        }
        int authorityEnd = indexOfAny(rest, '/', '?');
        String authority = rest.substring(0, authorityEnd);
        if (authority.indexOf('@') >= 0) {
            throw new Refusal(TargetProblem.URL_USERINFO,
                    "a URL with user information (user@host) is refused; block the host's URL without it");
        }
        String hostAndPort = hostAndPort(authority, defaultPort);

        String pathAndQuery = rest.substring(authorityEnd);
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        StringBuilder out = new StringBuilder(url.length() + 8).append(scheme).append("://").append(hostAndPort);
        // Escapes first: "%2E%2E" is a dot-segment once decoded (RFC 3986 section 6.2.2).
        String canonicalPath = removeDotSegments(normaliseEscapes(path, PATH_RAW));
        out.append(canonicalPath.isEmpty() ? "/" : canonicalPath);
        if (question >= 0) {
            out.append('?').append(normaliseEscapes(pathAndQuery.substring(question + 1), QUERY_RAW));
        }
        return out.toString();
    }

    private String hostAndPort(String authority, int defaultPort) throws Refusal {
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new Refusal(TargetProblem.INVALID_URL, "the IPv6 host has no closing bracket");
            }
            host = ipv6Host(authority.substring(1, close));
            String after = authority.substring(close + 1);
            if (!after.isEmpty() && after.charAt(0) != ':') {
                throw new Refusal(TargetProblem.INVALID_URL, "unexpected text after the IPv6 host");
            }
            port = after.isEmpty() ? "" : after.substring(1);
        } else {
            int colon = authority.lastIndexOf(':');
            String name = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? "" : authority.substring(colon + 1);
            host = nameHost(name);
        }
        int portNumber = port.isEmpty() ? defaultPort : parsePort(port);
        return portNumber == defaultPort ? host : host + ":" + portNumber;
    }

    private static String ipv6Host(String literal) throws Refusal {
        if (literal.indexOf('%') >= 0 || !InetAddresses.isInetAddress(literal) || literal.indexOf(':') < 0) {
            throw new Refusal(TargetProblem.INVALID_IP, Refusal.quote(literal) + " is not a valid IPv6 address");
        }
        InetAddress address = InetAddresses.forString(literal);
        // An IPv4-mapped host is the IPv4 host, as for IP targets.
        return address instanceof Inet4Address
                ? InetAddresses.toAddrString(address)
                : "[" + InetAddresses.toAddrString(address) + "]";
    }

    private String nameHost(String raw) throws Refusal {
        if (raw.isEmpty()) {
            throw new Refusal(TargetProblem.INVALID_URL, "the URL has no host");
        }
        String name = raw.indexOf('%') >= 0 ? decodeHost(raw) : raw;
        if (name.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
            if (!InetAddresses.isInetAddress(name)) {
                throw new Refusal(TargetProblem.INVALID_IP, "host " + Refusal.quote(name)
                        + " is not an IPv4 address (four decimal numbers without leading zeros)");
            }
            return InetAddresses.toAddrString(InetAddresses.forString(name));
        }
        return domains.toAscii(name);
    }

    private static String decodeHost(String raw) throws Refusal {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            if (cp == '%') {
                int value = escapeAt(raw, i);
                if (value < 0) {
                    throw new Refusal(TargetProblem.INVALID_URL, "the host has a broken percent-escape");
                }
                bytes.write(value);
                i += 3;
            } else {
                bytes.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Refusal(TargetProblem.INVALID_URL, "the host's percent-escapes are not UTF-8");
        }
    }

    private static int parsePort(String port) throws Refusal {
        boolean digits = port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9');
        int value = digits ? Integer.parseInt(port) : -1;
        if (value < 1 || value > 65535) {
            throw new Refusal(TargetProblem.INVALID_URL, "port " + Refusal.quote(port) + " is not 1 to 65535");
        }
        return value;
    }

    /**
     * One canonical encoding: escapes of unreserved characters decoded, other escapes in upper-case hex, a
     * stray {@code %} and every character not allowed raw percent-encoded as UTF-8.
     */
    private static String normaliseEscapes(String text, boolean[] raw) throws Refusal {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp == '%') {
                int value = escapeAt(text, i);
                if (value < 0) {
                    appendEscape(out, '%');
                } else {
                    if (value < 128 && UNRESERVED[value]) {
                        out.append((char) value);
                    } else {
                        appendEscape(out, value);
                    }
                    next = i + 3;
                }
            } else if (cp < 128 && raw[cp]) {
                out.append((char) cp);
            } else if (Character.isSurrogate((char) cp) && Character.charCount(cp) == 1) {
                throw new Refusal(TargetProblem.INVALID_URL, "the URL contains malformed Unicode");
            } else {
                for (byte b : Character.toString(cp).getBytes(StandardCharsets.UTF_8)) {
                    appendEscape(out, b & 0xFF);
                }
            }
            i = next;
        }
        return out.toString();
    }

    /** RFC 3986 section 5.2.4 for the absolute paths an http URL has. */
    static String removeDotSegments(String path) {
        if (path.isEmpty()) {
            return path;
        }
        String[] segments = path.substring(1).split("/", -1);
        List<String> kept = new ArrayList<>(segments.length);
        boolean trailingSlash = false;
        for (String segment : segments) {
            trailingSlash = false;
            if (segment.equals(".")) {
                trailingSlash = true;
            } else if (segment.equals("..")) {
                if (!kept.isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
                trailingSlash = true;
            } else {
                kept.add(segment);
            }
        }
        StringBuilder out = new StringBuilder(path.length());
        for (String segment : kept) {
            out.append('/').append(segment);
        }
        if (trailingSlash) {
            out.append('/');
        }
        return out.toString();
    }

    private static int escapeAt(String text, int percent) {
        if (percent + 2 >= text.length()) {
            return -1;
        }
        int high = hexValue(text.charAt(percent + 1));
        int low = hexValue(text.charAt(percent + 2));
        return high < 0 || low < 0 ? -1 : high * 16 + low;
    }

    /** ASCII hex only: {@code Character.digit} would also accept other scripts' digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static void appendEscape(StringBuilder out, int value) {
        out.append('%').append(HEX[value >> 4]).append(HEX[value & 0xF]);
    }

    private static boolean isScheme(String text) {
        char first = text.charAt(0);
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
            return false;
        }
        return text.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.');
    }

    private static int indexOfAny(String text, char a, char b) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return text.length();
    }
}
