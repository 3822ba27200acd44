package org.interdict.authority;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.interdict.authority.dto.AuthorityInput;
import org.interdict.category.ReasonCategory;
import org.interdict.error.ErrorCategory;
import org.interdict.error.ProblemException;
import org.interdict.error.Violation;

/** The rules of an authority that bean validation cannot express; each refusal names its field. */
final class AuthorityValidation {

    static final int MAX_ALIAS_LENGTH = 300;
    private static final Set<String> CATEGORY_CODES = Arrays.stream(ReasonCategory.values())
            .map(ReasonCategory::code).collect(Collectors.toUnmodifiableSet());

    private AuthorityValidation() {}

    /** The rules that need nothing but the input. */
    static void check(AuthorityInput in) {
        List<Violation> violations = new ArrayList<>();
        if (in.level() == AuthorityLevel.PROVINCIAL && in.parent() == null) {
            violations.add(Violation.ofField("parent", "parent-required",
                    "a provincial authority names the authority whose orders it relays"));
        }
        if (in.level() == AuthorityLevel.NATIONAL && in.parent() != null) {
            violations.add(Violation.ofField("parent", "parent-not-allowed", "a national authority has no parent"));
        }
        List<?> contacts = in.contacts() == null ? List.of() : in.contacts();
        for (int i = 0; i < contacts.size(); i++) {
            if (contacts.get(i) == null) {
                violations.add(Violation.ofField("contacts[" + i + "]", "missing", "must be a contact point"));
            }
        }
        List<String> aliases = in.aliases() == null ? List.of() : in.aliases();
        for (int i = 0; i < aliases.size(); i++) {
            String alias = aliases.get(i);
            if (alias == null || alias.isBlank()) {
                violations.add(Violation.ofField("aliases[" + i + "]", "blank", "must not be blank"));
            } else if (alias.strip().length() > MAX_ALIAS_LENGTH) {
                violations.add(Violation.ofField("aliases[" + i + "]", "too-long",
                        "is longer than " + MAX_ALIAS_LENGTH + " characters"));
            }
        }
        if (in.scope() != null) {
            checkScope(in.scope(), violations);
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ErrorCategory.INVALID, "invalid-request", "Invalid request",
                    violations.size() + " field(s) are invalid", violations, violations.size());
        }
    }

    private static void checkScope(AuthorityInput.ScopeInput scope, List<Violation> violations) {
        List<String> categories = scope.categories();
        if (categories != null && categories.isEmpty()) {
            // [] could be read as "no restriction" or as "nothing": only the absence of a list means every category.
            violations.add(Violation.ofField("scope.categories", "empty-categories",
                    "list at least one category, or leave categories out for every category"));
        }
        for (int i = 0; categories != null && i < categories.size(); i++) {
            if (!CATEGORY_CODES.contains(categories.get(i))) {
                violations.add(Violation.ofField("scope.categories[" + i + "]", "unknown-category",
                        "'" + categories.get(i) + "' is not a reason category; one of "
                                + Arrays.stream(ReasonCategory.values()).map(ReasonCategory::code)
                                        .collect(Collectors.joining(", "))));
            }
        }
        List<String> isps = scope.isps() == null ? List.of() : scope.isps();
        for (int i = 0; i < isps.size(); i++) {
            if (isps.get(i) == null) {
                violations.add(Violation.ofField("scope.isps[" + i + "]", "missing", "must be an ISP identifier"));
            }
        }
        if (Boolean.TRUE.equals(scope.allIsps()) && !isps.isEmpty()) {
            violations.add(Violation.ofField("scope.isps", "contradicts-all-isps",
                    "allIsps is true: list no ISPs, or set allIsps to false"));
        }
        if (Boolean.FALSE.equals(scope.allIsps()) && isps.isEmpty()) {
            violations.add(Violation.ofField("scope.isps", "isps-required",
                    "allIsps is false: list the ISPs the authority may address"));
        }
    }

    /**
     * The parent must be registered, and must not be the authority itself or below it (a cycle). Needs the
     * registry lock ({@link AuthorityService}), so that no other write changes the chain of parents meanwhile.
     */
    static void checkParent(Connection c, String id, String parent) throws SQLException {
        if (parent == null) {
            return;
        }
        if (parent.equals(id) || AuthorityRepository.isAncestor(c, id, parent)) {
            throw ProblemException.invalid("parent", "parent-cycle",
                    "'" + parent + "' is " + id + " itself or below it: the chain of parents would be a cycle");
        }
        if (AuthorityRepository.refs(c, Set.of(parent)).isEmpty()) {
            throw ProblemException.invalid("parent", "unknown-authority",
                    "'" + parent + "' is not a registered authority");
        }
    }
}
