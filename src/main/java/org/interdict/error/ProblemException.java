package org.interdict.error;

import java.util.List;

/** A refusal the client can act on; the single mapper turns it into {@code application/problem+json}. */
public class ProblemException extends RuntimeException {

    private final ErrorCategory category;
    private final String code;
    private final String title;
    private final List<Violation> violations;
    private final int totalViolations;

    public ProblemException(ErrorCategory category, String code, String title, String detail) {
        this(category, code, title, detail, List.of(), 0);
    }

    public ProblemException(
            ErrorCategory category, String code, String title, String detail, List<Violation> violations, int total) {
        super(detail, null, false, false);
        this.category = category;
        this.code = code;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.totalViolations = total;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ErrorCategory.NOT_FOUND, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException invalid(String field, String code, String message) {
        return new ProblemException(
                ErrorCategory.INVALID, "invalid-request", "Invalid request", message,
                List.of(Violation.ofField(field, code, message)), 1);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(ErrorCategory.CONFLICT, code, "Conflict", detail);
    }

    public Problem toProblem() {
        Problem problem = Problem.of(category.status(), code, title, getMessage());
        return violations.isEmpty() ? problem : problem.withViolations(violations, totalViolations);
    }

    public String code() {
        return code;
    }

    /** The fields refused, for a form that shows each refusal beside its field. */
    public List<Violation> violations() {
        return violations;
    }

    public ErrorCategory category() {
        return category;
    }
}
