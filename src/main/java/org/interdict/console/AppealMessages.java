package org.interdict.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the public pages (lookup, landing page, appeals) and of the appeal review pages, in English here and in
 * Vietnamese in {@code messages/apl_vi.properties}; templates use them as {@code apl:name}.
 */
@MessageBundle(value = "apl", locale = "en")
public interface AppealMessages {

    @Message("Interdict: public register of blocking orders")
    String publicProduct();

    @Message("Is it blocked?")
    String navLookup();

    @Message("Language")
    String language();

    @Message("Skip to the content")
    String skipLink();

    @Message("This register is public. Nobody signs in and nothing is remembered about your visit.")
    String publicFooter();

    // Lookup

    @Message("Is it blocked, and why?")
    String lookupTitle();

    @Message("Domain name, web address or IP address")
    String lookupQuery();

    @Message("For example xo-so.example.vn, https://example.vn/page or 203.0.113.7.")
    String lookupHint();

    @Message("Look up")
    String lookUp();

    @Message("{name} is blocked by these published orders")
    String listed(String name);

    @Message("No published order blocks {name}")
    String notListed(String name);

    @Message("Reference")
    String reference();

    @Message("Issued by")
    String authority();

    @Message("Issued on")
    String issuedOn();

    @Message("Category")
    String category();

    @Message("What it means")
    String plainWords();

    @Message("Legal basis stated in the order")
    String legalBasis();

    @Message("In force since")
    String inForceSince();

    @Message("Orders")
    String ordersCaption();

    // Landing page

    @Message("This site is blocked")
    String landingTitle();

    @Message("Your internet provider blocks {name} by order of a Vietnamese authority.")
    String landingListed(String name);

    @Message("The site you tried to reach is not available through your internet provider.")
    String landingNeutral();

    @Message("If you think this is a mistake, you can look up a site and appeal against an order.")
    String landingNeutralHelp();

    @Message("Look up a site")
    String landingLookupLink();

    @Message("Appeal against this order")
    String appealLink();

    // Appeal form

    @Message("Appeal")
    String navAppeal();

    @Message("Appeal against a blocking order")
    String appealTitle();

    @Message("Anyone may appeal: the owner of a blocked site, its hosting provider, a user. Your appeal goes to the"
            + " authority that issued the order and is decided by people who took no part in it. It is received once"
            + " you confirm your e-mail address through the link we send there.")
    String appealIntro();

    @Message("The appeal was not filed")
    String appealRefused();

    @Message("Blocked names, web addresses or IP addresses you contest")
    String fieldTargets();

    @Message("One per line; each must be blocked now by a published order.")
    String hintTargets();

    @Message("You are")
    String fieldAppellant();

    @Message("{#when kind}{#is 'site-owner'}The owner of the site{#is 'hosting-provider'}Its hosting provider"
            + "{#is 'user'}A user of the site{#is 'other'}Someone else{#else}{kind}{/when}")
    String appellantKind(String kind);

    @Message("Your e-mail address")
    String fieldEmail();

    @Message("We send a confirmation link there, then news of the appeal and its decision.")
    String hintEmail();

    @Message("Why the order is wrong for these targets")
    String fieldGrounds();

    @Message("Collateral damage")
    String fieldCollateral();

    @Message("{#when kind}{#is 'none'}None: the order is wrong about the site itself{#is 'shared-hosting'}The site"
            + " shares its address with the blocked one (shared hosting){#is 'cdn'}The site is served by the same"
            + " content delivery network (CDN){#is 'cloud'}The site runs in the same cloud{#else}{kind}{/when}")
    String collateralKind(String kind);

    @Message("Evidence files")
    String fieldEvidence();

    @Message("PDF, PNG or JPEG; at most {files} files of {megabytes} MB each.")
    String hintEvidence(int files, long megabytes);

    @Message("File the appeal")
    String fileAppeal();

    @Message("Line {line} ({input}):")
    String lineRefused(int line, String input);

    /** The refusals of the appeal's fields and of its target lines that the intake makes itself. */
    @Message("{#when code}{#is 'not-blocked'}No published order blocks this now: there is nothing to appeal against."
            + "{#is 'too-many-targets'}One appeal contests at most 50 targets."
            + "{#is 'not-an-address'}This is a block of addresses; name one address."
            + "{#is 'required'}This field is required."
            + "{#is 'too-long'}This text is too long."
            + "{#is 'unknown-kind'}Choose who you are."
            + "{#is 'invalid-email'}This is not an e-mail address."
            + "{#is 'unknown-collateral'}Choose one of the kinds of collateral damage, or none."
            + "{#is 'too-many-files'}Too many files."
            + "{#is 'empty-file'}The file is empty."
            + "{#is 'file-too-large'}The file is too large."
            + "{#is 'unsupported-file'}The file is not a PDF, PNG or JPEG file, whatever its name says."
            + "{#else}This field is refused.{/when}")
    String fieldProblem(String code);

    // Receipt and status

    @Message("Appeal {id} filed")
    String receiptTitle(long id);

    @Message("We sent a confirmation link to your e-mail address. Your appeal is received only once you open it.")
    String receiptEmailSent();

    @Message("Your tracking link")
    String trackingTitle();

    @Message("Keep this link: it shows the state of your appeal and its decision. It is secret; we do not show it"
            + " again. Anyone who has it can read your appeal.")
    String trackingSecret();

    @Message("Appeal number")
    String appealNumber();

    @Message("Filed")
    String filedAt();

    @Message("Received")
    String receivedAt();

    @Message("Contested targets")
    String contestedTargets();

    @Message("Target")
    String target();

    @Message("Appeal {id}")
    String statusTitle(long id);

    @Message("Thank you: your e-mail address is confirmed and your appeal is received.")
    String confirmedNotice();

    @Message("State")
    String state();

    @Message("{#when status}{#is 'UNCONFIRMED'}Waiting for the confirmation of the e-mail address"
            + "{#is 'RECEIVED'}Received, waiting for review{#is 'UNDER_REVIEW'}Under review{#is 'DECIDED'}Decided"
            + "{#is 'INADMISSIBLE'}Inadmissible{#is 'WITHDRAWN'}Withdrawn{#else}{status}{/when}")
    String appealStatus(String status);

    @Message("Appellant")
    String appellant();

    @Message("None")
    String noEvidence();

    @Message("No such appeal")
    String unknownAppealTitle();

    @Message("This link does not open an appeal: its number or its key is wrong. Use the link exactly as we sent it.")
    String unknownAppeal();

    // Review in the console

    @Message("Appeals")
    String navAppeals();

    @Message("Appeals to review")
    String queueTitle();

    @Message("Appeals and ISP error reports against your authority's orders, oldest first: the first is the nearest"
            + " to its deadlines. Whoever drafted, submitted or approved an order concerned cannot review it; a"
            + " decision takes effect once a second person confirms it.")
    String queueIntro();

    @Message("Open (received or under review)")
    String openAppeals();

    @Message("{#when status}{#is 'UNCONFIRMED'}Waiting for the confirmation of the e-mail address"
            + "{#is 'RECEIVED'}Received{#is 'UNDER_REVIEW'}Under review{#is 'DECIDED'}Decided"
            + "{#is 'INADMISSIBLE'}Inadmissible{#is 'WITHDRAWN'}Withdrawn{#else}{status}{/when}")
    String reviewStatus(String status);

    @Message("Show")
    String show();

    @Message("No appeal in this state.")
    String noAppeals();

    @Message("Appeals, oldest first")
    String queueCaption();

    @Message("Acknowledge by")
    String acknowledgeBy();

    @Message("Decide by")
    String decideBy();

    @Message("Appeal {id}")
    String appealNumbered(long id);

    @Message("Error report of {isp}{#if kind}: {#when kind}{#is 'false-positive'}false positive{#is 'unroutable'}"
            + "unroutable{#is 'shared-address'}shared address{#else}{kind}{/when}{/if}")
    String ispReport(String isp, String kind);

    @Message("Overdue")
    String overdue();

    @Message("decision proposed, waiting for confirmation")
    String proposalWaiting();

    @Message("proposal sent back to the reviewer")
    String proposalReturned();

    @Message("targets suspended until {until}")
    String suspendedUntil(String until);

    @Message("Reviewer")
    String reviewer();

    @Message("{#when step}{#is 'taken'}You took the appeal up for review.{#is 'proposed'}Your decision is proposed;"
            + " a second person must confirm it.{#is 'confirmed'}The decision is confirmed; the appellant is told."
            + "{#is 'suspended'}The contested targets are suspended until the appeal is decided.{#is 'returned'}The"
            + " proposal is sent back to the reviewer with your remarks.{#is 'taken-over'}You took over the review."
            + "{#else}Done.{/when}")
    String stepDone(String step);

    @Message("Grounds")
    String grounds();

    @Message("Lifted")
    String targetLifted();

    @Message("Suspended pending the decision")
    String targetSuspended();

    @Message("Decided by another authority")
    String targetElsewhere();

    @Message("Blocked")
    String targetBlocked();

    @Message("{size} bytes")
    String bytes(int size);

    @Message("History")
    String history();

    @Message("Filed on {time}.")
    String historyFiled(String time);

    @Message("Received on {time}.")
    String historyReceived(String time);

    @Message("Targets suspended by {who} on {time}, until {until}.")
    String historySuspended(String who, String time, String until);

    @Message("Taken up by {who} on {time}.")
    String historyTaken(String who, String time);

    @Message("Decision proposed by {who} on {time}:")
    String historyProposed(String who, String time);

    @Message("Decision proposed by {proposer}, confirmed by {confirmer} on {time}:")
    String historyDecided(String proposer, String confirmer, String time);

    @Message("{#when outcome}{#is 'UPHELD'}Order upheld{#is 'PARTIALLY_LIFTED'}Partially lifted{#is 'LIFTED'}Lifted"
            + "{#is 'INADMISSIBLE'}Inadmissible{#else}{outcome}{/when}")
    String outcome(String outcome);

    @Message("You become its reviewer. You cannot if you drafted, submitted or approved an order it contests.")
    String takeHint();

    @Message("Take up for review")
    String take();

    @Message("Suspend the contested targets at once, until the appeal is decided: for collateral damage on shared"
            + " infrastructure, or targets a guard flagged. They reach ISPs as a new version with the reason of the"
            + " appeal.")
    String suspendHint();

    @Message("Suspend the targets")
    String suspend();

    @Message("Propose a decision")
    String proposeTitle();

    @Message("Outcome")
    String outcomeLabel();

    @Message("Targets to lift (for a partial lift)")
    String liftLabel();

    @Message("Reasons")
    String reasonsLabel();

    @Message("The appellant reads them as you write them.")
    String reasonsHint();

    @Message("Propose")
    String propose();

    @Message("Confirm the proposed decision as the second person: lifted targets go on the allowlist and reach ISPs as"
            + " a new version; the appellant is told the outcome and the reasons.")
    String confirmHint();

    @Message("Confirm the decision")
    String confirmDecision();

    @Message("Or send the proposal back to the reviewer, saying what you disagree with: the appeal stays under review"
            + " and the reviewer proposes again.")
    String returnHint();

    @Message("Remarks for the reviewer")
    String remarksLabel();

    @Message("Send back to the reviewer")
    String returnProposal();

    @Message("Proposal sent back by {who} on {time}:")
    String historyReturned(String who, String time);

    @Message("{reviewer} holds the review. As a supervisor you can take it over (when they are away or late); you"
            + " cannot if you drafted, submitted or approved an order it contests.")
    String takeOverHint(String reviewer);

    @Message("Take over the review")
    String takeOver();

    @Message("Back to the appeals")
    String backToQueue();

    // ISP error reports

    @Message("Error reports")
    String navReports();

    @Message("Blocking error reports")
    String reportsTitle();

    @Message("Report rules that harm legitimate traffic. A report goes to the review queue of each authority whose"
            + " orders block its targets, with the same deadlines and outcomes as an appeal; your ISP's contact"
            + " address receives the e-mails.")
    String reportsIntro();

    @Message("Report {id} is filed.")
    String reportFiled(long id);

    @Message("Report an error")
    String reportTitle();

    @Message("Kind of error")
    String reportKindLabel();

    @Message("{#when kind}{#is 'false-positive'}False positive: the rule blocks a legitimate site"
            + "{#is 'unroutable'}Unroutable: the rule cannot be applied as written{#is 'shared-address'}Shared address:"
            + " the address also serves other sites{#else}{kind}{/when}")
    String reportKind(String kind);

    @Message("Blocked targets concerned")
    String reportTargets();

    @Message("What your engineers found")
    String reportDescription();

    @Message("File the report")
    String fileReport();

    @Message("Your ISP's reports")
    String ownReports();

    @Message("Your ISP has reported no error.")
    String noReports();

    @Message("Decisions")
    String decisions();

    // Status page: decisions and withdrawal

    @Message("Review by {authority}")
    String reviewBy(String authority);

    @Message("Interim suspension")
    String suspension();

    @Message("Decided on")
    String decidedAt();

    @Message("Withdraw the appeal")
    String withdrawTitle();

    @Message("Every review of it stops, and any interim suspension of its targets ends now.")
    String withdrawHint();

    @Message("Withdraw")
    String withdraw();

    @Message("Your appeal is withdrawn.")
    String withdrawnNotice();

    // Transparency report

    @Message("Appeals and ISP error reports")
    String appealsReport();

    @Message("Appeals per authority and month: received that month, and decided that month by outcome")
    String appealsReportCaption();

    @Message("Month")
    String month();

    @Message("Authority")
    String issuingAuthority();

    @Message("Received")
    String receivedCount();

    @Message("Decided")
    String decidedCount();

    @Message("Median time to decision")
    String medianHours();
}
