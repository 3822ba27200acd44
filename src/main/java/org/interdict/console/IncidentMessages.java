package org.interdict.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of incident reports and their triage in the console, in English here and in Vietnamese in
 * {@code messages/inc_vi.properties}: templates use them as {@code inc:name}; a key missing from a translation fails
 * the build.
 */
@MessageBundle(value = "inc", locale = "en")
public interface IncidentMessages {

    @Message("Incidents")
    String navIncidents();

    @Message("Incidents")
    String incidentsTitle();

    @Message("Incident")
    String incident();

    @Message("Report an incident")
    String reportIncident();

    @Message("Filter the incidents")
    String filter();

    @Message("Triage")
    String triage();

    @Message("Any")
    String anyTriage();

    @Message("{#when triage}{#is 'new'}New{#is 'acknowledged'}Acknowledged{#is 'in-progress'}In "
            + "progress{#is 'closed'}Closed{#else}{triage}{/when}")
    String triageName(String triage);

    @Message("No incident.")
    String noIncidents();

    @Message("The incidents you reported, newest first")
    String yourIncidents();

    @Message("Every reported incident, newest first")
    String triageList();

    @Message("Type")
    String type();

    @Message("{#when type}{#is 'ddos'}DDoS{#is 'intrusion'}Intrusion{#is 'malware'}Malware{#is "
            + "'phishing'}Phishing{#is 'defacement'}Defacement{#is 'data-leak'}Data leak{#is "
            + "'other'}Other{#else}{type}{/when}")
    String typeName(String type);

    @Message("Severity")
    String severity();

    @Message("Reported by")
    String reporter();

    @Message("Detected at")
    String detectedAt();

    @Message("Indicators")
    String indicators();

    @Message("Names, URLs and addresses, one a line: read like a directive's targets")
    String indicatorsHint();

    @Message("{total} line(s) are not a name, URL or address; nothing was recorded. Correct or remove "
            + "them and send again.")
    String refusedIntro(Integer total);

    @Message("Affected systems")
    String affectedSystems();

    @Message("Actions taken")
    String actionsTaken();

    @Message("Send the report")
    String sendReport();

    @Message("All incidents")
    String allIncidents();

    @Message("Block directive")
    String directive();

    @Message("directive #{directive}")
    String directiveShort(Long directive);

    @Message("No indicator.")
    String noIndicators();

    @Message("Draft a block directive from its indicators")
    String draftDirective();

    @Message("A draft of your authority, with these indicators as targets; it then goes through review "
            + "as any draft.")
    String draftDirectiveHint();

    @Message("Updates")
    String updates();

    @Message("No update yet.")
    String noUpdates();

    @Message("{#when side}{#is 'recipient'}reporter{#is 'authority'}authority{#else}{side}{/when}")
    String side(String side);

    @Message("Note")
    String note();

    @Message("Close the incident")
    String closeIt();

    @Message("Add the update")
    String addUpdate();

    @Message("Save the triage")
    String saveTriage();

    @Message("{#when done}{#is 'reported'}The incident was reported.{#is 'updated'}The update was "
            + "recorded.{#is 'triaged'}The triage was recorded.{#else}Done.{/when}")
    String done(String done);
}
