package org.interdict.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of advisories, alert periods and the agency register in the console, in English here and in Vietnamese
 * in {@code messages/adv_vi.properties}: templates use them as {@code adv:name}; a key missing from a translation
 * fails the build.
 */
@MessageBundle(value = "adv", locale = "en")
public interface AdvisoryMessages {

    @Message("Alert period in force")
    String alertInForce();

    @Message("{#when level}{#is 'elevated'}elevated level{#is 'high'}high level{#is 'highest'}highest "
            + "level{#else}level {level}{/when}, until {until}")
    String alertLevelUntil(String level, String until);

    @Message("{#when level}{#is 'elevated'}Elevated{#is 'high'}High{#is "
            + "'highest'}Highest{#else}{level}{/when}")
    String levelName(String level);

    @Message("Advisories")
    String navAdvisories();

    @Message("Alert periods")
    String navAlerts();

    @Message("Agencies")
    String agenciesTitle();

    @Message("Registered agencies: provincial bodies and public services that run information systems")
    String agenciesCaption();

    @Message("Name")
    String agencyName();

    @Message("Answers to")
    String answersTo();

    @Message("The Ministry directly")
    String ministryDirectly();

    @Message("Contact points")
    String contactPoints();

    @Message("Register an agency")
    String registerAgency();

    @Message("2-48 lower-case letters, digits or hyphens, starting with a letter; it cannot be changed later")
    String agencyIdHint();

    @Message("Agency {id}")
    String editAgency(String id);

    @Message("{#when done}{#is 'agency-registered'}Agency {id} registered.{#is 'agency-updated'}Agency "
            + "{id} updated.{#else}Done.{/when}")
    String agencyDone(String done, String id);

    @Message("Security advisories")
    String advisoriesTitle();

    @Message("Your authority's advisories in every state, and the others' published ones, newest first")
    String advisoriesCaption();

    @Message("The advisories addressed to you, newest first")
    String advisoriesForYou();

    @Message("No advisory yet.")
    String noAdvisories();

    @Message("New advisory")
    String newAdvisory();

    @Message("All advisories")
    String allAdvisories();

    @Message("Title")
    String title();

    @Message("Severity")
    String severity();

    @Message("{#when severity}{#is 'critical'}Critical{#is 'high'}High{#is 'medium'}Medium{#is "
            + "'low'}Low{#else}{severity}{/when}")
    String severityName(String severity);

    @Message("CVE identifiers")
    String cves();

    @Message("Separated by spaces or commas, each as CVE-YYYY-NNNN (four or more digits at the end)")
    String cvesHint();

    @Message("Not a CVE identifier (CVE-YYYY-NNNN): {refused}")
    String cvesRefused(String refused);

    @Message("Affected products and versions")
    String affected();

    @Message("One a line: product; versions")
    String affectedHint();

    @Message("Description")
    String description();

    @Message("Recommended actions")
    String actions();

    @Message("References")
    String references();

    @Message("One http or https URL a line")
    String referencesHint();

    @Message("Remediation deadline")
    String deadline();

    @Message("Date and time in {zone}")
    String deadlineHint(String zone);

    @Message("Audience")
    String audience();

    @Message("Every ISP")
    String allIsps();

    @Message("Every agency")
    String allAgencies();

    @Message("The ISPs and agencies it lists, you among them")
    String listedRecipients();

    @Message("Or only those ticked:")
    String listedHint();

    @Message("Authority")
    String authority();

    @Message("Status")
    String status();

    @Message("{#when status}{#is 'DRAFT'}Draft{#is 'PUBLISHED'}Published{#is "
            + "'WITHDRAWN'}Withdrawn{#else}{status}{/when}")
    String statusName(String status);

    @Message("revision {revision}")
    String revision(Integer revision);

    @Message("Your acknowledgement and status")
    String yourStatus();

    @Message("Acknowledged")
    String acknowledgedShort();

    @Message("Not acknowledged yet")
    String notAcknowledged();

    @Message("Acknowledged on {at}")
    String acknowledgedAt(String at);

    @Message("{#when status}{#is 'not-affected'}Not affected{#is 'investigating'}Investigating{#is "
            + "'mitigated'}Mitigated{#is 'patched'}Patched{#else}{status}{/when}")
    String remediation(String status);

    @Message("Acknowledge receipt")
    String acknowledge();

    @Message("Remediation status")
    String reportStatus();

    @Message("Note")
    String note();

    @Message("Report the status")
    String sendStatus();

    @Message("Edit the draft: {title}")
    String editAdvisory(String title);

    @Message("Revise: {title}")
    String reviseAdvisory(String title);

    @Message("A revision is published at once: every recipient is told again and owes a new acknowledgement.")
    String revisionHint();

    @Message("Save the draft")
    String saveDraft();

    @Message("Publish the revision")
    String reviseButton();

    @Message("Edit the draft")
    String editDraft();

    @Message("Revise")
    String revise();

    @Message("Publish")
    String publish();

    @Message("A supervisor other than the officer who drafted it publishes it.")
    String publishHint();

    @Message("Reason for withdrawing")
    String withdrawReason();

    @Message("Withdraw")
    String withdraw();

    @Message("Drafted by")
    String draftedBy();

    @Message("Published by")
    String publishedBy();

    @Message("Withdrawn by")
    String withdrawnBy();

    @Message("Who has acknowledged, patched, is late or silent")
    String tracking();

    @Message("{#when done}{#is 'drafted'}The draft was saved.{#is 'saved'}The draft was saved.{#is "
            + "'published'}The advisory was published: its recipients are told.{#is 'revised'}The "
            + "revision was published: every recipient is told again.{#is 'withdrawn'}The advisory was "
            + "withdrawn.{#is 'acknowledged'}Receipt acknowledged.{#is 'status-reported'}Your status was "
            + "reported.{#else}Done.{/when}")
    String advisoryDone(String done);

    @Message("Tracking: {title}")
    String trackingTitle(String title);

    @Message("Back to the advisory")
    String backToAdvisory();

    @Message("as of {at}")
    String asOf(String at);

    @Message("Download as CSV")
    String csvDownload();

    @Message("Recipients by standing")
    String chartTitle();

    @Message("Recipients by standing, as a table")
    String chartCaption();

    @Message("Standing")
    String standingHeading();

    @Message("Recipients")
    String recipientsCount();

    @Message("Recipients")
    String recipients();

    @Message("Recipient")
    String recipient();

    @Message("No recipient yet: the advisory is not published.")
    String noRecipients();

    @Message("Acknowledged")
    String acknowledged();

    @Message("{#when standing}{#is 'patched'}Patched or not affected{#is 'acknowledged'}Acknowledged{#is "
            + "'late'}Late{#is 'silent'}Silent{#else}{standing}{/when}")
    String standing(String standing);

    @Message("Alert periods")
    String alertsTitle();

    @Message("Alert periods, the latest start first")
    String alertsCaption();

    @Message("No alert period.")
    String noAlerts();

    @Message("Declare an alert period")
    String declareAlert();

    @Message("All alert periods")
    String allAlerts();

    @Message("Name")
    String alertName();

    @Message("Level")
    String level();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("In force")
    String inForce();

    @Message("In force now")
    String inForceNow();

    @Message("Not in force")
    String notInForce();

    @Message("Enforcement deadline of directives approved during it")
    String enforcementDeadline();

    @Message("Minutes, when shorter than a directive's own (e.g. 10); empty: unchanged")
    String enforcementDeadlineHint();

    @Message("Appliance silence interval")
    String silenceInterval();

    @Message("Minutes after which an appliance not heard from is flagged, when shorter than usual; "
            + "empty: unchanged")
    String silenceIntervalHint();

    @Message("{minutes} minutes")
    String minutes(Integer minutes);

    @Message("Unchanged")
    String unchanged();

    @Message("Declare")
    String declare();

    @Message("Declared by")
    String declaredBy();

    @Message("Situation report for {day}")
    String situationReport(String day);

    @Message("No incident")
    String noIncident();

    @Message("Situation")
    String summary();

    @Message("Required unless you report no incident")
    String summaryHint();

    @Message("Send the report")
    String sendSituation();

    @Message("You, among recipients the authority named (the others are not shown)")
    String addressedToYou();

    @Message("Today's report was sent by {who} at {time}.")
    String situationSent(String who, String time);

    @Message("Situation reports for {day}")
    String reportsOf(String day);

    @Message("Today is not a day of this period.")
    String noDayToday();

    @Message("State")
    String state();

    @Message("{#when state}{#is 'reported'}Reported{#is 'due'}Not yet reported{#is "
            + "'missed'}Missed{#else}{state}{/when}")
    String situationState(String state);

    @Message("Reported")
    String reportedAt();

    @Message("Days missed")
    String missedDays();

    @Message("No day missed.")
    String noMissed();

    @Message("Day")
    String day();

    @Message("Edit the alert period: {name}")
    String editAlert(String name);

    @Message("Its recipients are told of the change. The start can change only while the period has not started; "
            + "to end it now, cancel it.")
    String editAlertHint();

    @Message("Save the changes")
    String saveAlert();

    @Message("Back to the alert period")
    String backToAlert();

    @Message("Last changed by")
    String changedBy();

    @Message("Cancelled by")
    String cancelledBy();

    @Message("Reason for cancelling")
    String cancelReason();

    @Message("The period ends now; its recipients are told, with the reason.")
    String cancelHint();

    @Message("Cancel the period")
    String cancelAlert();

    @Message("Your situation reports")
    String ownReports();

    @Message("No day of this period to report yet.")
    String noOwnDays();

    @Message("{#when done}{#is 'declared'}The alert period was declared: its recipients are told.{#is "
            + "'edited'}The alert period was changed: its recipients are told.{#is 'cancelled'}The alert period "
            + "was cancelled: it has ended and its recipients are told.{#is 'situation-reported'}Your situation "
            + "report was sent.{#else}Done.{/when}")
    String alertDone(String done);
}
