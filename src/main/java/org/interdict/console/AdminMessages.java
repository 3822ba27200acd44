package org.interdict.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the administrator's pages, the allowlist and the held versions, in English here and in Vietnamese in
 * {@code messages/adm_vi.properties}; templates use them as {@code adm:name} beside the common {@code msg:} words.
 */
@MessageBundle(value = "adm", locale = "en")
public interface AdminMessages {

    @Message("Administration")
    String navAdmin();

    @Message("Held versions")
    String navHeld();

    @Message("Allowlist")
    String navAllowlist();

    @Message("Administration pages")
    String adminNav();

    // Held versions

    @Message("Versions held by the circuit breaker")
    String heldTitle();

    @Message("A version whose rules changed more than approvals explain is held: appliances keep the current "
            + "one until a supervisor confirms the held version (it becomes current) or refuses it. Either "
            + "decision needs a reason and is audited.")
    String heldIntro();

    @Message("{#when done}{#is 'confirmed'}Version {version} of {isp} confirmed: it is now current.{#is "
            + "'refused'}Version {version} of {isp} refused: the current version stays.{#else}Done.{/when}")
    String heldDone(String done, String isp, long version);

    @Message("Appeal {id}")
    String appealEntry(long id);

    @Message("Suspended until {until}")
    String suspendedUntil(String until);

    @Message("Ends with the appeal's decision or at its expiry")
    String endsWithAppeal();

    @Message("No version is held: every ISP's latest version was published.")
    String noHeld();

    @Message("Version {version} of {isp}")
    String heldVersionOf(long version, String isp);

    @Message("ISP")
    String isp();

    @Message("Held since")
    String heldSince();

    @Message("Current version")
    String currentVersion();

    @Message("Rules in the held version")
    String heldRules();

    @Message("{count} rules")
    String rules(int count);

    @Message("Change from the previous version")
    String delta();

    @Message("{added} added, {removed} removed")
    String addedRemoved(int added, int removed);

    @Message("Rules no approval explains")
    String unexplained();

    @Message("not recorded")
    String notRecorded();

    @Message("none")
    String none();

    @Message("Reason for confirming")
    String confirmReason();

    @Message("Reason for refusing")
    String refuseReason();

    @Message("Confirm: make it current")
    String confirm();

    @Message("Refuse: keep the current version")
    String refuse();

    // Registers

    @Message("ISPs")
    String ispsTitle();

    @Message("Registered ISPs; an inactive ISP receives no rule sets.")
    String ispsCaption();

    @Message("Authorities")
    String authoritiesTitle();

    @Message("The authorities that may issue directives, national first, and what each may order.")
    String authoritiesCaption();

    @Message("Allowlist")
    String allowlistTitle();

    @Message("Signing keys")
    String keysTitle();

    @Message("{#when done}{#is 'isp-registered'}ISP {subject} registered.{#is 'isp-updated'}ISP {subject} "
            + "updated.{#is 'authority-registered'}Authority {subject} registered.{#is "
            + "'authority-updated'}Authority {subject} saved.{#is 'legacy-linked'}Legacy directives linked to "
            + "{subject}.{#is 'added'}Entry added to the allowlist.{#is 'removed'}Entry removed from the "
            + "allowlist.{#is 'imported'}List imported.{#else}Done.{/when}")
    String done(String done, String subject);

    @Message("{count} directive(s) linked.")
    String linked(int count);

    @Message("Identifier")
    String id();

    @Message("2–32 lower-case letters, digits or hyphens, starting with a letter; it cannot be changed later.")
    String ispIdHint();

    @Message("2–48 lower-case letters, digits or hyphens, starting with a letter; it cannot be changed later.")
    String authorityIdHint();

    @Message("Legal name")
    String legalName();

    @Message("Licence number")
    String licenceNumber();

    @Message("Incident contact")
    String contact();

    @Message("Department")
    String department();

    @Message("Phone")
    String phone();

    @Message("Email")
    String email();

    @Message("Active")
    String active();

    @Message("Active (inactive ones are kept on record but take no part)")
    String activeLabel();

    @Message("yes")
    String yes();

    @Message("no")
    String no();

    @Message("Actions")
    String actions();

    @Message("Edit")
    String edit();

    @Message("Edit {what}")
    String editOf(String what);

    @Message("ISP {id}")
    String editIsp(String id);

    @Message("Authority {id}")
    String editAuthority(String id);

    @Message("Register")
    String register();

    @Message("Register an ISP")
    String registerIsp();

    @Message("Register an authority")
    String registerAuthority();

    @Message("Save")
    String save();

    @Message("Cancel")
    String cancel();

    @Message("Name")
    String name();

    @Message("Name in Vietnamese")
    String nameVi();

    @Message("Name in English")
    String nameEn();

    @Message("Level")
    String level();

    @Message("{#when level}{#is 'NATIONAL'}National{#is 'PROVINCIAL'}Provincial{#else}{level}{/when}")
    String levelName(String level);

    @Message("relays {parent}")
    String relays(String parent);

    @Message("Relays the orders of")
    String parent();

    @Message("none (a national authority)")
    String noParent();

    @Message("Required for a provincial authority, refused for a national one.")
    String parentHint();

    @Message("Jurisdiction")
    String jurisdiction();

    @Message("Contacts")
    String contacts();

    @Message("One a line: department; phone; email (phone and email may be left empty).")
    String contactsHint();

    @Message("Other names")
    String aliases();

    @Message("One a line: names under which older directives named the authority.")
    String aliasesHint();

    @Message("May order")
    String scope();

    @Message("Categories it may order")
    String scopeCategories();

    @Message("None ticked: every category.")
    String scopeCategoriesHint();

    @Message("ISPs it may address")
    String scopeIsps();

    @Message("Every ISP")
    String allIsps();

    @Message("every category")
    String everyCategory();

    @Message("every ISP")
    String everyIsp();

    @Message("Directives recorded before the registry")
    String legacyTitle();

    @Message("Links the directives whose free-text authority is this authority's identifier, a name or "
            + "another name. Registering and saving do this too.")
    String legacyHint();

    @Message("Link legacy directives")
    String linkLegacy();

    @Message("The public keys appliances verify rule sets with; the current key signs new versions. Keys are "
            + "configured, not edited here.")
    String keysHint();

    @Message("Key id")
    String keyId();

    @Message("Algorithm")
    String algorithm();

    @Message("Use")
    String keyState();

    @Message("signs new versions")
    String keyCurrent();

    @Message("verification only")
    String keyVerifyOnly();

    @Message("Public key")
    String publicKey();

    // Allowlist

    @Message("Names and addresses no directive may block: a target that falls under an entry is refused or "
            + "carved out when rule sets are compiled.")
    String allowlistIntro();

    @Message("Search entries and reasons")
    String search();

    @Message("Search")
    String searchButton();

    @Message("No entry matches.")
    String noEntries();

    @Message("Entry")
    String entry();

    @Message("A domain, *.domain for a whole tree, an IP address or a block.")
    String entryHint();

    @Message("Type")
    String type();

    @Message("{#when type}{#is 'DOMAIN'}Domain{#is 'DOMAIN_TREE'}Domain tree{#is "
            + "'CIDR'}Addresses{#else}{type}{/when}")
    String allowType(String type);

    @Message("Reason")
    String reason();

    @Message("Source")
    String source();

    @Message("Added")
    String added();

    @Message("Remove")
    String remove();

    @Message("Remove {value}")
    String removeOf(String value);

    @Message("Protect an entry")
    String addEntry();

    @Message("Add")
    String add();

    @Message("Import a list")
    String importTitle();

    @Message("Entries, one a line")
    String importLines();

    @Message("Each line: the entry, a space, then its reason. Lines starting with # are ignored. One bad line "
            + "refuses the list unless bad lines are skipped.")
    String importHint();

    @Message("Skip bad lines and import the rest")
    String skipInvalid();

    @Message("Import")
    String importButton();

    @Message("{received} line(s) read: {added} added, {present} already present, {skipped} skipped.")
    String importedCounts(int received, int added, int present, int skipped);
}
