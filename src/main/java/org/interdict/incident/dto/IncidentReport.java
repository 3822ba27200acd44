package org.interdict.incident.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * An incident as a recipient reports it.
 *
 * @param indicators names, URLs and addresses, one per line: normalised by the target parser; each bad line is
 *                   refused with its number
 */
public record IncidentReport(
        @NotNull @Pattern(regexp = "ddos|intrusion|malware|phishing|defacement|data-leak|other",
                message = "ddos, intrusion, malware, phishing, defacement, data-leak or other") String type,
        @NotNull @Pattern(regexp = "critical|high|medium|low", message = "critical, high, medium or low") String severity,
        @NotNull Instant detectedAt,
        @NotBlank @Size(max = 10000) String affectedSystems,
        @Size(max = 2_000_000) String indicators,
        @Size(max = 10000) String actionsTaken) {}
