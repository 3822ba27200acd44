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

    @Message("{#when code}{#is 'forbidden'}Your role does not allow this action."
            + "{#is 'four-eyes'}Four eyes: the person who drafted or submitted a directive cannot decide on it."
            + "{#is 'other-authority'}This directive was issued by another authority."
            + "{#is 'no-targets'}A directive without targets cannot be submitted."
            + "{#is 'invalid-state'}The directive is not in a status that allows this action."
            + "{#is 'stale-version'}Someone changed the directive meanwhile; reload it and try again."
            + "{#is 'isp-out-of-scope'}The audience names an ISP outside the authority's scope."
            + "{#is 'category-out-of-scope'}The category is outside the authority's scope."
            + "{#is 'not-found'}There is no such record, or it is not visible to you."
            + "{#is 'invalid-request'}Some fields are invalid."
            + "{#is 'already-expired'}The directive has already expired."
            + "{#is 'unconfirmed-guard-overrides'}Targets flagged by a guard must be confirmed first."
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
