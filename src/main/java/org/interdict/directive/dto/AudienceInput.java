package org.interdict.directive.dto;

import java.util.List;

/** Either every registered ISP ({@code allIsps}) or the listed ones. */
public record AudienceInput(Boolean allIsps, List<String> isps) {}
