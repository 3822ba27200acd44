package org.interdict.target;

/**
 * Carries a {@link TargetProblem} out of the nested normalisation steps. It is part of ordinary control flow
 * for bad input, so it records no stack trace.
 */
final class Refusal extends Exception {

    private static final int QUOTE_LIMIT = 40;

    private final transient TargetProblem problem;

    Refusal(String code, String message, String hint) {
        super(message, null, false, false);
        this.problem = new TargetProblem(code, message, hint);
    }

    Refusal(String code, String message) {
        this(code, message, null);
    }

    TargetProblem problem() {
        return problem;
    }

    /** Quotes user input for a message, shortened so that a huge line cannot bloat an error report. */
    static String quote(String text) {
        if (text.length() <= QUOTE_LIMIT) {
            return "'" + text + "'";
        }
        int end = Character.isHighSurrogate(text.charAt(QUOTE_LIMIT - 1)) ? QUOTE_LIMIT - 1 : QUOTE_LIMIT;
        return "'" + text.substring(0, end) + "…'";
    }
}
