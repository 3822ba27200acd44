package org.interdict.allowlist.dto;

import java.util.List;
import org.interdict.error.Violation;

/** {@code alreadyPresent} counts entries the allowlist held before; {@code skipped} bad lines left out on request. */
public record AllowImportResult(int received, int added, int alreadyPresent, List<Violation> skipped, int skippedTotal) {}
