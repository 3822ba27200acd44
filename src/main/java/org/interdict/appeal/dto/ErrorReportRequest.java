package org.interdict.appeal.dto;

import java.util.List;

/**
 * An ISP's report of a blocking error: {@code kind} false-positive, unroutable or shared-address; the targets it
 * concerns, each read as a target line and blocked now (a refusal names its index from 1 as {@code line}); what
 * the engineers found.
 */
public record ErrorReportRequest(String kind, List<String> targets, String description) {}
