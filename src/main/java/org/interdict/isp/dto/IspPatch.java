package org.interdict.isp.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Fields left out (null) stay as they are. */
public record IspPatch(
        @Size(min = 1, max = 300) String legalName,
        @Size(min = 1, max = 100) String licenceNumber,
        @Valid IspCreate.ContactInput contact,
        Boolean active) {}
