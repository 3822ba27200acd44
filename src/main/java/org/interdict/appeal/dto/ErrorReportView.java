package org.interdict.appeal.dto;

import java.time.Instant;
import java.util.List;

/** An ISP's error report as the ISP sees it: its targets, its state and each concerned authority's decision. */
public record ErrorReportView(long id, String kind, String status, String reportedBy, Instant filedAt,
        List<AppealStatusView.ContestedTarget> targets, List<AppealStatusView.Review> reviews) {}
