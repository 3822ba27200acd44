package org.interdict.target;

import com.google.common.net.InetAddresses;
import com.ibm.icu.text.IDNA;
import java.util.EnumSet;
import java.util.Set;

/**
 * Turns a host name into its canonical ASCII form: UTS #46 nontransitional processing (so {@code ß} stays
 * distinct from {@code ss}, as browsers resolve it), lower case, no trailing dot, then the DNS host-name rules
 * we enforce ourselves so that each refusal gets a precise code.
 */
final class DomainNames {

    static final int MAX_LABEL_OCTETS = 63;
    static final int MAX_NAME_OCTETS = 253;

    /*
     * Not USE_STD3_RULES: it would refuse the underscore, which real names carry (_dmarc, service labels);
     * the ASCII repertoire is checked after conversion instead.
     */
    private static final IDNA IDNA_UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO);

    /*
     * Checked below with better messages, or deliberately allowed: HYPHEN_3_4 would refuse live host names
     * such as "r1---sn-abc.googlevideo.com", which browsers accept (UTS #46 CheckHyphens=false).
     */
    private static final Set<IDNA.Error> CHECKED_LATER = EnumSet.of(IDNA.Error.EMPTY_LABEL,
            IDNA.Error.LABEL_TOO_LONG, IDNA.Error.DOMAIN_NAME_TOO_LONG, IDNA.Error.LEADING_HYPHEN,
            IDNA.Error.TRAILING_HYPHEN, IDNA.Error.HYPHEN_3_4);

    /** Returns the canonical ASCII name, or refuses it. {@code name} is already stripped of whitespace. */
    String toAscii(String name) throws Refusal {
        if (name.isEmpty()) {
            throw new Refusal(TargetProblem.EMPTY, "the domain name is empty");
        }
        refuseIpv6Literal(name);

        StringBuilder ascii = new StringBuilder(name.length() + 16);
        IDNA.Info info = new IDNA.Info();
        IDNA_UTS46.nameToASCII(name, ascii, info);
        Set<IDNA.Error> errors = EnumSet.noneOf(IDNA.Error.class);
        errors.addAll(info.getErrors());
        errors.removeAll(CHECKED_LATER);
        if (errors.contains(IDNA.Error.DISALLOWED)) {
            throw new Refusal(TargetProblem.INVALID_CHARACTER,
                    Refusal.quote(name) + " contains a character that is not allowed in domain names");
        }
        if (!errors.isEmpty()) {
            throw new Refusal(TargetProblem.IDNA_ERROR,
                    Refusal.quote(name) + " is not a valid internationalised domain name " + errors);
        }

        int length = ascii.length();
        if (length > 0 && ascii.charAt(length - 1) == '.') {
            ascii.setLength(--length);
        }
        if (length == 0) {
            throw new Refusal(TargetProblem.EMPTY, "the domain name is empty");
        }
        String result = ascii.toString();
        checkLabels(result);
        if (result.length() > MAX_NAME_OCTETS) {
            throw new Refusal(TargetProblem.TOO_LONG, "name " + Refusal.quote(result) + " is " + result.length()
                    + " octets; at most " + MAX_NAME_OCTETS, TargetParser.tooLongHint(TargetType.DOMAIN));
        }
        return result;
    }

    /** The Unicode form of a canonical name: what it looks like to a reader. */
    String toUnicode(String ascii) {
        StringBuilder unicode = new StringBuilder(ascii.length());
        IDNA_UTS46.nameToUnicode(ascii, unicode, new IDNA.Info());
        return unicode.toString();
    }

    /** IPv4 literals are caught by their numeric last label; IPv6 ones would otherwise read as bad characters. */
    private static void refuseIpv6Literal(String name) throws Refusal {
        String inner = name.length() > 2 && name.charAt(0) == '[' && name.charAt(name.length() - 1) == ']'
                ? name.substring(1, name.length() - 1)
                : name;
        boolean bracketed = inner.length() != name.length();
        if ((bracketed || inner.indexOf(':') >= 0) && InetAddresses.isInetAddress(inner)) {
            throw new Refusal(TargetProblem.IP_LITERAL_DOMAIN,
                    Refusal.quote(name) + " is an IP address, not a domain name; use an IP target");
        }
    }

    private static void checkLabels(String name) throws Refusal {
        int start = 0;
        int labels = 0;
        while (true) {
            int dot = name.indexOf('.', start);
            int end = dot < 0 ? name.length() : dot;
            boolean last = dot < 0;
            checkLabel(name.substring(start, end), last);
            labels++;
            if (last) {
                break;
            }
            start = dot + 1;
        }
        if (labels < 2) {
            throw new Refusal(TargetProblem.SINGLE_LABEL, Refusal.quote(name)
                    + " has a single label; a block target needs at least two, such as example.vn");
        }
    }

    private static void checkLabel(String label, boolean last) throws Refusal {
        if (label.isEmpty()) {
            throw new Refusal(TargetProblem.INVALID_DOMAIN, "the name has an empty label (two dots in a row?)");
        }
        if (label.length() > MAX_LABEL_OCTETS) {
            throw new Refusal(TargetProblem.LABEL_TOO_LONG, "label " + Refusal.quote(label) + " is "
                    + label.length() + " octets; at most " + MAX_LABEL_OCTETS);
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (c == '_' && !last);
            if (!ok) {
                throw new Refusal(TargetProblem.INVALID_CHARACTER, characterMessage(c), characterHint(c));
            }
        }
        if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
            throw new Refusal(TargetProblem.INVALID_DOMAIN,
                    "label " + Refusal.quote(label) + " starts or ends with a hyphen");
        }
        if (last && looksNumeric(label)) {
            throw new Refusal(TargetProblem.IP_LITERAL_DOMAIN, "a name whose last label " + Refusal.quote(label)
                    + " is numeric reads as an IP address; use an IP target");
        }
    }

    private static String characterMessage(char c) {
        if (c == '_') {
            return "an underscore is not allowed in the last label";
        }
        return "character " + Refusal.quote(String.valueOf(c)) + " is not allowed in a domain name";
    }

    private static String characterHint(char c) {
        if (c == '/' || c == ':' || c == '?') {
            return "a URL target starts with http:// or https://";
        }
        if (c == '*') {
            return "a domain tree is written *.example.vn";
        }
        return null;
    }

    /** A last label of digits, or of hex after 0x, is how resolvers and browsers spot IPv4 literals. */
    private static boolean looksNumeric(String label) {
        boolean hex = label.length() >= 2 && label.charAt(0) == '0' && label.charAt(1) == 'x';
        for (int i = hex ? 2 : 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && !(hex && c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
