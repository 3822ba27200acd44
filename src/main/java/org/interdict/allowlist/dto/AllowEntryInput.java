package org.interdict.allowlist.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A protected entry: a domain, {@code *.domain} for a whole tree, an IP address or a CIDR block. */
public record AllowEntryInput(@NotBlank @Size(max = 300) String value, @NotBlank @Size(max = 1000) String reason,
        @Size(max = 300) String source) {}
