package org.interdict.authority.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.interdict.authority.AuthorityLevel;

/**
 * An authority as an administrator writes it, whole: registered with {@code POST}, replaced with {@code PUT}, where
 * {@code id} may be left out (the path names it). Lists left out are empty; {@code scope} left out means every
 * category and every ISP; {@code active} left out means active.
 *
 * @param parent the id of the authority it relays: required for a provincial authority, refused for a national one
 */
public record AuthorityInput(
        @Pattern(regexp = "[a-z][a-z0-9-]{1,47}", message = "2-48 lower-case letters, digits or hyphens, starting with a letter")
        String id,
        @NotBlank @Size(max = 300) String nameVi,
        @NotBlank @Size(max = 300) String nameEn,
        @NotNull AuthorityLevel level,
        String parent,
        @Size(max = 300) String jurisdiction,
        @Size(max = 20) List<@Valid ContactPointInput> contacts,
        @Size(max = 50) List<String> aliases,
        @Valid ScopeInput scope,
        Boolean active) {

    public record ContactPointInput(
            @NotBlank @Size(max = 200) String department,
            @Pattern(regexp = "[+0-9 ().-]{3,30}", message = "3-30 digits, spaces and + ( ) . - only") String phone,
            @Email @Size(max = 200) String email) {}

    /**
     * What the authority may order.
     *
     * @param categories reason category codes; left out (null) for every category
     * @param allIsps    every ISP; left out, it is true unless {@code isps} lists some
     */
    public record ScopeInput(List<String> categories, Boolean allIsps, List<String> isps) {}
}
