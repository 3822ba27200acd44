package org.interdict.security;

/** Role names as they appear in the {@code groups} claim. */
public final class Roles {
    public static final String OFFICER = "officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String ISP_ENGINEER = "isp-engineer";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    /** Reports for one agency (token claim {@code agency}): reads advisories addressed to it, reports incidents. */
    public static final String AGENCY = "agency";
    /** Held by requests authenticated with an appliance token (see the appliance package). */
    public static final String APPLIANCE = "appliance";

    private Roles() {}
}
