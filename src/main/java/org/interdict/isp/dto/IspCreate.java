package org.interdict.isp.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record IspCreate(
        @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "2-32 lower-case letters, digits or hyphens, starting with a letter")
        String id,
        @NotBlank @Size(max = 300) String legalName,
        @NotBlank @Size(max = 100) String licenceNumber,
        @Valid ContactInput contact,
        Boolean active) {

    public record ContactInput(
            @Size(max = 200) String department,
            @Size(max = 50) @Pattern(regexp = "[+0-9 ().-]*", message = "digits, spaces and + ( ) . - only") String phone,
            @Email @Size(max = 200) String email) {}
}
