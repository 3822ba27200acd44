package org.interdict.zone.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** A secondary to register: an IP address (v4 or v6, no host name) and its DNS port, 53 when left out. */
public record SecondaryInput(@NotBlank String address, @Min(1) @Max(65535) Integer port) {}
