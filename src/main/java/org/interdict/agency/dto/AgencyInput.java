package org.interdict.agency.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An agency as an administrator writes it, whole: registered with {@code POST}, replaced with {@code PUT}, where
 * {@code id} may be left out (the path names it). {@code active} left out means active.
 *
 * @param authority the id of the authority it answers to (a provincial Department); left out: the Ministry directly
 */
public record AgencyInput(
        @Pattern(regexp = "[a-z][a-z0-9-]{1,47}", message = "2-48 lower-case letters, digits or hyphens, starting with a letter")
        String id,
        @NotBlank @Size(max = 300) String nameVi,
        @NotBlank @Size(max = 300) String nameEn,
        String authority,
        @Size(max = 20) List<@Valid ContactPointInput> contacts,
        Boolean active) {

    public record ContactPointInput(
            @NotBlank @Size(max = 200) String department,
            @Pattern(regexp = "[+0-9 ().-]{3,30}", message = "3-30 digits, spaces and + ( ) . - only") String phone,
            @Email @Size(max = 200) String email) {}
}
