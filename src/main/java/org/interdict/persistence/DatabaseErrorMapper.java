package org.interdict.persistence;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.interdict.error.Problem;
import org.interdict.error.ProblemException;
import org.interdict.error.ProblemMappers;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Database failures that reach a resource unconverted are answered as {@link DatabaseErrors} says. */
public class DatabaseErrorMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseErrorMapper.class);

    @ServerExceptionMapper(value = {SQLException.class, IllegalStateException.class}, priority = 100)
    public Response database(Exception e) {
        ProblemException problem = DatabaseErrors.problemFor(e);
        if (problem == null) {
            LOG.error("Unexpected failure", e);
            return ProblemMappers.respond(Problem.of(500, "internal-error", "Internal error",
                    "The request could not be completed"));
        }
        LOG.warnf("Database failure answered as %d %s: %s", problem.category().status(), problem.code(),
                e.getMessage());
        return ProblemMappers.respond(problem.toProblem());
    }
}
