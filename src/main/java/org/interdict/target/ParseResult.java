package org.interdict.target;

import java.util.Objects;

/** The outcome of parsing one target: either a normalised target or the problem that refused it. */
public sealed interface ParseResult permits ParseResult.Valid, ParseResult.Invalid {

    record Valid(Target target) implements ParseResult {
        public Valid {
            Objects.requireNonNull(target, "target");
        }
    }

    record Invalid(TargetProblem problem) implements ParseResult {
        public Invalid {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
