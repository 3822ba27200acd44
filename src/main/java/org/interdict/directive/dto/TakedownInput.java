package org.interdict.directive.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** For a takedown: who must remove the content, and by when. */
public record TakedownInput(@NotBlank @Size(max = 300) String host, @NotNull Instant deadline) {}
