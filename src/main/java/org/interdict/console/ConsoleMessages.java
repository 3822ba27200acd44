package org.interdict.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.interdict.category.ReasonCategory;
import org.interdict.directive.DirectiveKind;
import org.interdict.directive.DirectiveStatus;

/**
 * The console's words, in English here and in Vietnamese in {@code messages/msg_vi.properties}: templates use them as
 * {@code msg:name}; a key missing from a translation fails the build, a misspelt one too.
 */
@MessageBundle(value = "msg", locale = "en")
public interface ConsoleMessages {

    @Message("Interdict")
    String product();

    @Message("Skip to the content")
    String skipLink();

    @Message("Main navigation")
    String navLabel();

    @Message("Home")
    String navHome();

    @Message("Directives")
    String navDirectives();

    @Message("New draft")
    String navNewDraft();

    @Message("Signed in as")
    String signedInAs();

    @Message("Sign out")
    String signOut();

    @Message("Sign in")
    String signIn();

    @Message("Language")
    String language();

    @Message("Interdict: block and takedown directives for ISPs. Times are shown in {zone}.")
    String footer(String zone);

    @Message("{#when role}{#is 'officer'}Officer{#is 'supervisor'}Supervisor{#is 'isp-engineer'}ISP engineer"
            + "{#is 'auditor'}Auditor{#is 'admin'}Administrator{#else}{role}{/when}")
    String role(String role);

    @Message("{#when status}{#is DRAFT}Draft{#is PENDING_APPROVAL}Pending approval{#is SCHEDULED}Scheduled"
            + "{#is ACTIVE}Active{#is EXPIRED}Expired{#is REJECTED}Rejected{#is REVOKED}Revoked{/when}")
    String status(DirectiveStatus status);

    @Message("{#when kind}{#is BLOCK}Block{#is TAKEDOWN}Takedown{/when}")
    String kind(DirectiveKind kind);

    @Message("{#when category}{#is MALWARE}Malware{#is PHISHING}Phishing{#is BOTNET}Botnet{#is FRAUD}Fraud"
            + "{#is GAMBLING}Gambling{#is ILLEGAL_CONTENT}Illegal content{#is COPYRIGHT}Copyright"
            + "{#is CHILD_ABUSE}Child abuse{#is OTHER}Other{/when}")
    String category(ReasonCategory category);

    // Home

    @Message("Home")
    String homeTitle();

    @Message("Directives of {authority}")
    String homeCounts(String authority);

    @Message("Status")
    String homeStatus();

    @Message("Directives")
    String homeNumber();

    @Message("{count} directive(s) wait for approval.")
    String homePending(long count);

    @Message("Review the directives pending approval")
    String homePendingLink();

    @Message("Draft a new directive")
    String homeDraftLink();

    @Message("Browse the directives")
    String homeBrowseLink();

    @Message("What you can do")
    String homeWhatNext();

    @Message("Your account")
    String homeAccount();

    @Message("Roles")
    String homeRoles();

    @Message("Authority")
    String homeAuthority();

    @Message("ISP")
    String homeIsp();

    @Message("none")
    String none();

    // Directive list

    @Message("Directives")
    String listTitle();

    @Message("Filter")
    String listFilter();

    @Message("Status")
    String fieldStatus();

    @Message("Kind")
    String fieldKind();

    @Message("Category")
    String fieldCategory();

    @Message("Authority (id)")
    String fieldAuthority();

    @Message("ISP (id)")
    String fieldIsp();

    @Message("Reference or title contains")
    String fieldText();

    @Message("Holds the target")
    String fieldTarget();

    @Message("Relays the directive (id or reference)")
    String fieldImplementing();

    @Message("any")
    String any();

    @Message("Apply")
    String apply();

    @Message("Clear the filters")
    String clearFilters();

    @Message("Only your authority's directives are listed; clear the authority filter to see all.")
    String ownAuthorityHint();

    @Message("Reference")
    String colReference();

    @Message("Title")
    String colTitle();

    @Message("Effective from")
    String colEffective();

    @Message("Next page")
    String nextPage();

    @Message("First page")
    String firstPage();

    @Message("No directive matches these filters.")
    String emptyTitle();

    @Message("Clear or widen the filters, or draft a new directive.")
    String emptyHint();

    // Directive page

    @Message("Directive {reference}")
    String directiveTitle(String reference);

    @Message("Issued on")
    String fieldIssuedOn();

    @Message("Legal basis")
    String fieldLegalBasis();

    @Message("Audience")
    String fieldAudience();

    @Message("All ISPs")
    String audienceAll();

    @Message("Effective from")
    String fieldEffectiveFrom();

    @Message("Expires at")
    String fieldExpiresAt();

    @Message("never")
    String never();

    @Message("Host to take the content down")
    String fieldTakedownHost();

    @Message("Takedown deadline")
    String fieldTakedownDeadline();

    @Message("Enforcement deadline (minutes)")
    String fieldEnforcementDeadline();

    @Message("Implements")
    String fieldImplements();

    @Message("Implemented by")
    String fieldImplementedBy();

    @Message("Lifecycle")
    String lifecycle();

    @Message("{#when step}{#is 'created'}Drafted{#is 'submitted'}Submitted{#is 'decided'}Decided"
            + "{#is 'revoked'}Revoked{/when}")
    String step(String step);

    @Message("by {name} on {at}")
    String stepBy(String name, String at);

    @Message("Reason for the rejection")
    String rejectionReason();

    @Message("Decision comment")
    String decisionComment();

    @Message("Targets")
    String targets();

    @Message("Type")
    String targetType();

    @Message("Value")
    String targetValue();

    @Message("This directive has no targets yet.")
    String noTargets();

    @Message("More targets")
    String moreTargets();

    @Message("Actions")
    String actions();

    @Message("Submit for approval")
    String actionSubmit();

    @Message("Approve")
    String actionApprove();

    @Message("Reject")
    String actionReject();

    @Message("Revoke")
    String actionRevoke();

    @Message("Edit the draft")
    String actionEdit();

    @Message("Comment (optional)")
    String fieldComment();

    @Message("Reason")
    String fieldReason();

    @Message("Reference of the revoking act")
    String fieldRevocationReference();

    @Message("Revocation")
    String revocation();

    @Message("{#when action}{#is 'submitted'}The directive was submitted for approval.{#is 'approved'}The directive was"
            + " approved.{#is 'rejected'}The directive was rejected.{#is 'revoked'}The directive was revoked."
            + "{#is 'saved'}The draft was saved.{/when}")
    String done(String action);

    // Refusals and errors

    @Message("The request was refused")
    String refusedTitle();

    /** Every refusal code the service answers with, in words; the codes are read from the source by a test. */
    @Message("{#when code}{#is 'forbidden'}Your role does not allow this action.{#is 'unauthenticated'}Sign in first."
            + "{#is 'four-eyes'}Four eyes: whoever drafted, submitted or proposed it (a directive, an advisory, an"
            + " appeal decision) cannot approve, publish or confirm it."
            + "{#is 'other-authority'}This directive, advisory or appeal belongs to another authority; only its people"
            + " may change it."
            + "{#is 'unknown-authority'}Your sign-in names an authority that is not registered; ask an administrator"
            + " to register it."
            + "{#is 'inactive-authority'}Your authority is inactive: its officers and supervisors cannot act on"
            + " directives."
            + "{#is 'legacy-authority'}This directive was recorded before the registry of authorities; an"
            + " administrator must register its issuer first."
            + "{#is 'no-targets'}A directive without targets cannot be submitted."
            + "{#is 'invalid-state'}The directive is not in a status that allows this action."
            + "{#is 'stale-version'}Someone changed the directive meanwhile; reload it and try again."
            + "{#is 'concurrent-change'}Someone else is changing the same record at this moment; nothing was"
            + " changed. Reload and try again."
            + "{#is 'isp-out-of-scope'}The audience names an ISP outside the authority's scope."
            + "{#is 'category-out-of-scope'}The category is outside the authority's scope."
            + "{#is 'not-found'}There is no such record, or it is not visible to you."
            + "{#is 'invalid-request'}Some fields are invalid."
            + "{#is 'malformed-body'}The request could not be read."
            + "{#is 'already-expired'}The directive has already expired."
            + "{#is 'unconfirmed-guard-overrides'}Targets flagged by a guard must be confirmed first."
            + "{#is 'invalid-targets'}Some lines are not valid targets."
            + "{#is 'too-many-targets'}Too many targets in one request: split the list."
            + "{#is 'invalid-entries'}Some lines are not valid allowlist entries; nothing was added."
            + "{#is 'already-allowlisted'}This entry is already on the allowlist."
            + "{#is 'already-exists'}A record with the same identifying values already exists; nothing was changed."
            + "{#is 'authority-exists'}An authority with this identifier already exists."
            + "{#is 'isp-exists'}An ISP with this identifier already exists."
            + "{#is 'appliance-exists'}This ISP already has an appliance with this name."
            + "{#is 'secondary-exists'}This secondary server is already registered."
            + "{#is 'token-already-revoked'}This token was already revoked."
            + "{#is 'zone-key-already-revoked'}This zone transfer key was already revoked."
            + "{#is 'zone-keys-unavailable'}The zone transfer keys cannot be read right now; nothing was changed."
            + "{#is 'already-escalated'}This takedown was already escalated to a block."
            + "{#is 'advisory-draft'}The advisory is still a draft: publish it first."
            + "{#is 'advisory-published'}The advisory is already published: someone else may have published it"
            + " a moment ago."
            + "{#is 'advisory-withdrawn'}The advisory has been withdrawn; nothing more can be done with it."
            + "{#is 'agency-exists'}An agency with this id already exists."
            + "{#is 'already-reported'}This recipient has already sent its situation report for that day."
            + "{#is 'alert-period-ended'}This alert period has ended; it can no longer change."
            + "{#is 'alert-period-cancelled'}This alert period was cancelled; it can no longer change."
            + "{#is 'draft-exists'}A block draft has already been made from this incident."
            + "{#is 'incident-closed'}The incident is closed; it takes no more updates."
            + "{#is 'invalid-indicators'}Some lines are not valid indicators (names, URLs or addresses); nothing"
            + " was recorded."
            + "{#is 'no-indicators'}The incident has no indicators to turn into a block draft."
            + "{#is 'owner-out-of-scope'}You may manage webhooks only for your own ISP, agency or authority."
            + "{#is 'webhook-inactive'}This webhook has been deactivated."
            + "{#is 'webhooks-unavailable'}Webhooks are unavailable: no key-encryption key is configured, so no"
            + " secret can be stored."
            + "{#is 'invalid-appeal'}Some parts of the appeal are not valid; nothing was filed."
            + "{#is 'invalid-report'}Some parts of the error report are not valid; nothing was filed."
            + "{#is 'appeal-state'}The appeal is not in a state that allows this step."
            + "{#is 'reviewer-involved'}You drafted, submitted or approved an order this appeal contests: someone not"
            + " involved in it must review and decide."
            + "{#is 'not-reviewer'}Only the reviewer who took the appeal up proposes its decision."
            + "{#is 'already-suspended'}The targets of this appeal are already suspended."
            + "{#is 'not-suspendable'}These targets cannot be suspended: the appeal claims no collateral damage and"
            + " tripped no guard, or only URLs or targets other authorities also block are left."
            + "{#is 'url-not-liftable'}A URL cannot go on the allowlist: revoke or replace the order instead, and"
            + " decide without this target."
            + "{#is 'proposal-pending'}The reviewer's proposed decision waits for confirmation: confirm it or send it"
            + " back before taking the review over."
            + "{#is 'entry-of-appeal'}This entry is an appeal's interim suspension: it ends when the appeal is decided"
            + " or withdrawn, or at its limit."
            + "{#is 'no-authority'}Your sign-in names no authority: appeals are reviewed by an authority's officers"
            + " and supervisors."
            + "{#is 'rate-limited'}Too many requests from your address; wait a moment and try again."
            + "{#is 'takedown-not-overdue'}The takedown's deadline has not passed yet: it can be escalated only once"
            + " it is overdue."
            + "{#is 'not-held'}This version is not held (any more): someone decided on it or a newer one replaced it."
            + "{#is 'version-not-published'}This version was never published."
            + "{#is 'version-not-retained'}This version is no longer kept."
            + "{#is 'unknown-version'}There is no such version."
            + "{#is 'no-ruleset'}This ISP has no published rule set yet."
            + "{#is 'idempotency-key-in-use'}A request with the same idempotency key is still being carried out; try"
            + " again shortly."
            + "{#is 'idempotency-key-reused'}This idempotency key was already used for a different request."
            + "{#is 'unsupported-charset'}The text must be UTF-8."
            + "{#is 'report-timeout'}The report took too long; choose a shorter period."
            + "{#is 'statement-timeout'}The search took too long and was cancelled; narrow it and try again."
            + "{#is 'database-unavailable'}The database cannot be reached right now; nothing was changed. Try again"
            + " in a few seconds."
            + "{#is 'body-too-large'}What was sent is too large.{#is 'uri-too-long'}The address is too long."
            + "{#is 'headers-too-large'}The request headers are too large."
            + "{#is 'method-not-allowed'}This action is not available here."
            + "{#is 'unsupported-media-type'}This kind of content is not accepted here."
            + "{#is 'not-acceptable'}This page cannot be shown in the requested format."
            + "{#is 'internal-error'}Something went wrong on our side; nothing was shown of it. Try again later."
            + "{#else}The request could not be carried out.{/when}")
    String refusal(String code);

    @Message("Code")
    String refusalCode();

    @Message("Details")
    String refusalDetail();

    @Message("Back to the home page")
    String backHome();

    @Message("Please correct the fields marked below.")
    String formErrors();

    // Draft form

    @Message("New draft")
    String newDraftTitle();

    @Message("Edit draft {reference}")
    String editDraftTitle(String reference);

    @Message("Legal reference")
    String fieldLegalReference();

    @Message("Title")
    String fieldTitle();

    @Message("Listed ISPs only")
    String audienceListed();

    @Message("ISPs addressed")
    String fieldIsps();

    @Message("Date and time in {zone}.")
    String timeHint(String zone);

    @Message("Only for takedowns.")
    String takedownHint();

    @Message("Id of the directive of a parent authority that this one relays (optional).")
    String implementsHint();

    @Message("Save the draft")
    String save();

    @Message("(required)")
    String required();

    @Message("is not a valid value")
    String invalidValue();

    // Takedowns

    @Message("Takedown")
    String takedown();

    @Message("Host complied")
    String fieldTakedownComplied();

    @Message("{#if complied == null}Not recorded yet{#else if complied}Yes{#else}No{/if}")
    String complied(Boolean complied);

    @Message("The host removed the content")
    String actionComplied();

    @Message("The host did not comply")
    String actionNotComplied();

    @Message("An unheeded takedown (the host did not comply, or the deadline passed without an answer) can be"
            + " escalated into a block draft with its targets. Its reference and title default to the takedown's.")
    String escalateHint();

    @Message("Reference of the block (optional)")
    String fieldEscalationReference();

    @Message("Title of the block (optional)")
    String fieldEscalationTitle();

    @Message("Escalate into a block draft")
    String actionEscalate();

    @Message("Escalated from")
    String fieldEscalatedFrom();

    @Message("{#when action}{#is 'recorded'}The takedown's compliance was recorded."
            + "{#is 'escalated'}The block draft was made from the unheeded takedown.{/when}")
    String takedownDone(String action);

    @Message("Field")
    String refusalField();
}
