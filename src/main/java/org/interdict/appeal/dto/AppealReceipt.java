package org.interdict.appeal.dto;

import java.time.Instant;
import java.util.List;

/**
 * What the appellant gets on filing: the appeal's number, its state (unconfirmed until the link sent to the e-mail
 * address is followed) and the secret tracking link to its status page, shown this once and never stored.
 */
public record AppealReceipt(long id, String status, Instant filedAt, List<String> targets, int evidenceFiles,
        String trackingUrl) {}
