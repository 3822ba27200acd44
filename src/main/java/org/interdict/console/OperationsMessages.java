package org.interdict.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.interdict.version.VersionState;

/**
 * The words of the ISP, audit, transparency and lookup pages, in English here and in Vietnamese in
 * {@code messages/ops_vi.properties}: templates use them as {@code ops:name}; a key missing from a translation fails
 * the build.
 */
@MessageBundle(value = "ops", locale = "en")
public interface OperationsMessages {

    @Message("My ISP")
    String navIsp();

    @Message("Audit log")
    String navAudit();

    @Message("Transparency")
    String navTransparency();

    @Message("Why blocked?")
    String navLookup();

    @Message("ISP {name}")
    String ispTitle(String name);

    @Message("Licence")
    String licence();

    @Message("Deadlines and compliance")
    String complianceLink();

    @Message("Why is it blocked?")
    String lookupLink();

    @Message("{#when done}{#is 'revoked'}The token is revoked: the appliance is refused from its next"
            + " request.{#else}Done.{/when}")
    String done(String done);

    @Message("New token of {name}")
    String tokenTitle(String name);

    @Message("Copy it now: it is shown this once and cannot be read again, only replaced.")
    String tokenOnce();

    @Message("Token")
    String token();

    @Message("Copy")
    String copy();

    @Message("Copied.")
    String copied();

    @Message("Command line of the reference client")
    String commandLabel();

    @Message("Run it on the appliance; pass the token in the environment, never as an argument. Adjust --out"
            + " and add --check and --reload for the appliance.")
    String commandHint();

    @Message("This token was already shown and is no longer available. Issue a new one if it was lost.")
    String tokenGone();

    @Message("Current rule set")
    String rulesetTitle();

    @Message("Version")
    String version();

    @Message("Published")
    String published();

    @Message("Rules")
    String rules();

    @Message("Digest (SHA-256)")
    String digest();

    @Message("Held")
    String held();

    @Message("version {version} waits for a supervisor since {since}")
    String heldSince(Long version, String since);

    @Message("Download")
    String downloadTitle();

    @Message("Each file is the current version in that format, signed: the response headers carry the"
            + " version, digest and signature. Appliances fetch it themselves with their token.")
    String downloadHint();

    @Message("This ISP has no published rule set yet.")
    String noVersion();

    @Message("What changed and why")
    String changesTitle();

    @Message("Recent versions and the directives behind each change")
    String changesCaption();

    @Message("State")
    String state();

    @Message("Made")
    String created();

    @Message("Rules added / removed")
    String addedRemoved();

    @Message("Because")
    String why();

    @Message("no recorded change")
    String noChanges();

    /** Every change a version can record (a test reads them from the source), in words. */
    @Message("{#when kind}{#is 'approved'}Approved{#is 'revoked'}Revoked{#is 'expired'}Expired{#is 'activated'}Came"
            + " into force{#is 'allowlist-import'}Allowlist entries imported{#is 'allowlist-added'}Allowlist entry"
            + " added{#is 'allowlist-removed'}Allowlist entry removed{#is 'allowlist-seeded'}Allowlist seeded from the"
            + " critical-infrastructure list{#is 'isp-registered'}ISP {subject} registered{#is 'isp-activated'}ISP"
            + " {subject} activated{#is 'isp-deactivated'}ISP {subject} deactivated{#is 'appeal-suspended'}Targets"
            + " suspended pending {subject}{#is 'appeal-lifted'}Targets lifted on {subject}{#is 'appeal-lapsed'}Suspension"
            + " for {subject} ended{#is 'appeal-expired'}Suspension for {subject} expired{#else}{kind}{/when}")
    String change(String kind, String subject);

    /** A version's state, in words. */
    @Message("{#when state}{#is PUBLISHED}Published{#is HELD}Held by the circuit breaker{#is REFUSED}Refused"
            + "{#is SUPERSEDED}Superseded{/when}")
    String versionState(VersionState state);

    @Message("Signing keys")
    String keysTitle();

    @Message("Appliances verify every version with these Ed25519 public keys; the signature names its key id.")
    String keysHint();

    @Message("Key")
    String keyId();

    @Message("current")
    String keyCurrent();

    @Message("Appliances")
    String appliancesTitle();

    @Message("No appliance is registered.")
    String noAppliances();

    @Message("Name")
    String name();

    @Message("Kind")
    String kind();

    @Message("Format")
    String format();

    @Message("Last contact")
    String lastContact();

    @Message("Applied version")
    String applied();

    @Message("Failures")
    String failures();

    @Message("Actions")
    String actions();

    @Message("{#when kind}{#is 'dns-resolver'}DNS resolver{#is 'dpi'}DPI{#is 'firewall'}Firewall{#is"
            + " 'proxy'}Proxy{#else}Other{/when}")
    String applianceKind(String kind);

    @Message("never")
    String never();

    @Message("silent")
    String silent();

    @Message("{versions} behind")
    String behind(int versions);

    @Message("none")
    String none();

    @Message("active")
    String tokenActive();

    @Message("revoked")
    String tokenRevoked();

    @Message("New token")
    String rotate();

    @Message("New token for {name}")
    String rotateFor(String name);

    @Message("Revoke")
    String revoke();

    @Message("Revoke the token of {name}")
    String revokeFor(String name);

    @Message("Only the newest appliances are listed here.")
    String moreAppliances();

    @Message("Register an appliance")
    String registerTitle();

    @Message("Register and issue a token")
    String register();

    @Message("Compliance of {name}")
    String complianceTitle(String name);

    @Message("Back to the ISP")
    String backToIsp();

    @Message("{all} in all: {current} current, {behind} behind, {silent} silent")
    String applianceCounts(int all, int current, int behind, int silent);

    @Message("Directives in force and their deadlines")
    String deadlinesTitle();

    @Message("When each directive reached this ISP's appliances")
    String deadlinesCaption();

    @Message("No block directive is in force for this ISP.")
    String noDirectivesInForce();

    @Message("Alert periods: missed reports and deadlines")
    String alertPeriodsTitle();

    @Message("The days this ISP sent no situation report, and the enforcement deadlines it missed, in each alert period"
            + " addressing it")
    String alertPeriodsCaption();

    @Message("This ISP missed no situation report and no enforcement deadline in an alert period.")
    String noAlertPeriodMisses();

    @Message("Alert period")
    String alertPeriod();

    @Message("Days without a situation report")
    String missedReportDays();

    @Message("Missed enforcement deadlines")
    String missedDeadlines();

    @Message("cancelled")
    String cancelled();

    @Message("Directive")
    String directive();

    @Message("In force since")
    String inForceSince();

    @Message("Deadline")
    String deadline();

    @Message("First version carrying it")
    String firstVersion();

    @Message("Enforced")
    String enforced();

    @Message("not yet")
    String notYet();

    @Message("in time")
    String inTime();

    @Message("late")
    String late();

    @Message("{#when state}{#is 'ENFORCED'}enforced in time{#is 'LATE'}enforced late{#is"
            + " 'PENDING'}pending{#is 'OVERDUE'}overdue{#else}{state}{/when}")
    String enforcementState(String state);

    @Message("Audit log")
    String auditTitle();

    @Message("Filter the audit log")
    String auditFilter();

    @Message("Actor")
    String actor();

    @Message("Action")
    String action();

    @Message("Subject type")
    String subjectType();

    @Message("Subject id")
    String subjectId();

    @Message("Subject")
    String subject();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("At")
    String at();

    @Message("Hash")
    String hash();

    @Message("Verify the hash chain")
    String verify();

    @Message("The chain is intact: {checked} entries checked.")
    String chainIntact(long checked);

    @Message("The chain is broken")
    String chainBroken();

    @Message("Entry")
    String entry();

    @Message("Problem")
    String problem();

    @Message("Expected")
    String expected();

    @Message("Stored")
    String stored();

    @Message("No entry matches.")
    String noEntries();

    @Message("Transparency report")
    String transparencyTitle();

    @Message("Reporting period")
    String period();

    @Message("Download the counts as CSV")
    String csvDownload();

    @Message("Approved directives issued from {from} to {to}: {count}.")
    String periodSummary(String from, String to, int count);

    @Message("{#when chart}{#is 'month'}Directives by month{#is 'authority'}Directives by authority{#is"
            + " 'category'}Directives by category{#else}Directives by kind{/when}")
    String chartTitle(String chart);

    @Message("{#when chart}{#is 'month'}Directives by month, as a table{#is 'authority'}Directives by"
            + " authority, as a table{#is 'category'}Directives by category, as a table{#else}Directives by"
            + " kind, as a table{/when}")
    String chartCaption(String chart);

    @Message("{#when chart}{#is 'month'}Month{#is 'authority'}Authority{#is 'category'}Category{#else}Kind{/when}")
    String chartKey(String chart);

    @Message("Directives")
    String directives();

    @Message("Nothing in this period.")
    String noData();

    @Message("Median time to enforce, per ISP")
    String timeToEnforce();

    @Message("ISP")
    String isp();

    @Message("Median")
    String medianMinutes();

    @Message("{minutes} min")
    String minutes(long minutes);

    @Message("Why is this blocked?")
    String lookupTitle();

    @Message("Name, URL or address")
    String lookupQuery();

    @Message("For example example.com, https://example.com/page or 203.0.113.7")
    String lookupQueryHint();

    @Message("At (optional)")
    String lookupAt();

    @Message("Empty: now. A past time answers with the version current then.")
    String lookupAtHint();

    @Message("Look up")
    String lookUp();

    @Message("{name} is blocked")
    String blocked(String name);

    @Message("{name} is not blocked")
    String notBlocked(String name);

    @Message("Rule set of {isp}, version {version}, published {published}.")
    String answeredBy(String isp, long version, String published);

    @Message("The orders behind the matching rules")
    String ordersCaption();

    @Message("Issued on")
    String issuedOn();

    @Message("Matching rules")
    String rulesTitle();

    @Message("since version {version} ({published})")
    String since(long version, String published);

    @Message("or earlier")
    String orEarlier();

    @Message("Protected by the allowlist")
    String allowlistedTitle();
}
