package org.interdict.export;

import java.util.Collections;
import java.util.List;

/**
 * Checks on domain names before they are written into a format with its own syntax, where one malformed
 * line can make an appliance reject the whole file.
 */
final class DomainNames {

    /** RFC 1035: 255 octets on the wire, which is 253 characters of text without the trailing dot. */
    static final int MAX_TEXT_LENGTH = 253;
    static final int MAX_LABEL_LENGTH = 63;

    private DomainNames() {
    }

    /**
     * Why {@code name} cannot be written as a host name in an appliance file, or null when it can. Names come
     * normalised from the compiler (lower-case ASCII, IDNs as {@code xn--}); this guards the file formats
     * against anything else reaching them.
     */
    static String problem(String name) {
        if (name.isEmpty()) {
            return "empty name";
        }
        if (name.length() > MAX_TEXT_LENGTH) {
            return "name longer than " + MAX_TEXT_LENGTH + " characters";
        }
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            char c = i == name.length() ? '.' : name.charAt(i);
            if (c == '.') {
                int length = i - labelStart;
                if (length == 0) {
                    return "empty label";
                }
                if (length > MAX_LABEL_LENGTH) {
                    return "label longer than " + MAX_LABEL_LENGTH + " characters";
                }
                labelStart = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return "character '" + c + "' outside a-z, 0-9, '-' and '_'";
            }
        }
        return null;
    }

    /**
     * The tree in {@code trees} (sorted) that covers {@code name}: the name itself when {@code includeSelf},
     * or one of its ancestors; null when there is none.
     */
    static String coveringTree(List<String> trees, String name, boolean includeSelf) {
        int from = 0;
        if (!includeSelf) {
            from = name.indexOf('.') + 1;
            if (from == 0) {
                return null;
            }
        }
        while (!trees.isEmpty()) {
            String suffix = name.substring(from);
            if (Collections.binarySearch(trees, suffix) >= 0) {
                return suffix;
            }
            int dot = name.indexOf('.', from);
            if (dot < 0) {
                break;
            }
            from = dot + 1;
        }
        return null;
    }
}
