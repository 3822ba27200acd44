package org.interdict.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the targets, impact preview and review pages, in English here and in Vietnamese in
 * {@code messages/rev_vi.properties}; templates use them as {@code rev:name} beside the common {@code msg:} words.
 */
@MessageBundle(value = "rev", locale = "en")
public interface ReviewMessages {

    @Message("Review queue")
    String navReview();

    // Targets of a draft

    @Message("Targets of {reference}")
    String targetsTitle(String reference);

    @Message("Targets and impact")
    String targetsLink();

    @Message("Back to the directive")
    String backToDirective();

    @Message("Add targets")
    String addTargets();

    @Message("Targets, one per line")
    String pasteLabel();

    @Message("Domains, *.trees, URLs, IP addresses or blocks. Blank lines and lines starting with # are ignored. A"
            + " target a guard flags needs a justification: write it after the target as"
            + " \"  # justification: why\", or in the field beside its line when it is refused.")
    String pasteHint();

    @Message("Skip invalid lines and import the rest")
    String skipInvalid();

    @Message("Import the targets")
    String importButton();

    @Message("Or upload a text file, one target per line")
    String uploadLabel();

    @Message("Upload and import")
    String uploadButton();

    @Message("Refused lines")
    String refusedLines();

    @Message("{total} line(s) refused; nothing was imported. Correct them in the list, justify the flagged ones, or"
            + " skip the invalid lines.")
    String refusedIntro(int total);

    @Message("{total} line(s) refused; only the first {shown} are listed.")
    String refusedCapped(int total, int shown);

    @Message("Line")
    String colLine();

    @Message("Input")
    String colInput();

    @Message("Code")
    String colCode();

    @Message("Reason")
    String colMessage();

    @Message("Hint")
    String colHint();

    @Message("Justification")
    String colJustification();

    @Message("Justification for line {line}")
    String justifyLabel(int line);

    @Message("Syntax errors cannot be justified: correct the line.")
    String notJustifiable();

    @Message("{imported} target(s) imported, {flagged} of them flagged; {alreadyPresent} already present;"
            + " {skipped} invalid line(s) skipped.")
    String imported(int imported, int flagged, int alreadyPresent, int skipped);

    @Message("The target was removed.")
    String removed();

    @Message("Remove")
    String remove();

    @Message("Remove {value}")
    String removeTarget(String value);

    @Message("Guard")
    String colGuard();

    @Message("Confirmed by")
    String colConfirmedBy();

    @Message("Importing… A list of 100,000 lines takes a minute or so: keep this page open.")
    String working();

    @Message("The file is empty or missing.")
    String emptyUpload();

    // Impact preview

    @Message("Impact if approved")
    String previewTitle();

    @Message("Computed against the rule sets in force now; nothing is written.")
    String previewIntro();

    @Message("ISPs")
    String colIsps();

    @Message("Rules added")
    String colAdded();

    @Message("Rules removed")
    String colRemoved();

    @Message("First rules added")
    String colSample();

    @Message("Circuit breaker")
    String colBreaker();

    @Message("would hold the version for a supervisor")
    String breakerHolds();

    @Message("would let it through")
    String breakerPasses();

    @Message("The directive reaches no ISP.")
    String noAudience();

    @Message("Already blocked by other directives")
    String alreadyCovered();

    @Message("Target")
    String colTarget();

    @Message("Rule in force")
    String colRule();

    @Message("Directives")
    String colDirectives();

    @Message("Protected by the allowlist")
    String conflicts();

    @Message("Allowlist entry")
    String colProtectedBy();

    @Message("Outcome")
    String colResolution();

    @Message("none")
    String none();

    // Review queue and review page

    @Message("Pending approval")
    String queueTitle();

    @Message("Directives of {authority} waiting for a supervisor's decision, the oldest first.")
    String queueIntro(String authority);

    @Message("No directive is waiting for a decision.")
    String queueEmpty();

    @Message("Submitted by")
    String colSubmittedBy();

    @Message("Waiting")
    String colWaiting();

    @Message("Targets")
    String colTargets();

    @Message("{#if days > 0}{days} d {/if}{#if days > 0 || hours > 0}{hours} h {/if}{minutes} min")
    String age(long days, int hours, int minutes);

    @Message("Review {reference}")
    String reviewTitle(String reference);

    @Message("Review")
    String reviewLink();

    @Message("Targets flagged by a guard")
    String flaggedTitle();

    @Message("Each of these needs your explicit confirmation: read the guard's reason and the officer's"
            + " justification before you tick it.")
    String flaggedIntro();

    @Message("No target was flagged by a guard.")
    String noFlagged();

    @Message("Guard's reason")
    String colReason();

    @Message("Officer's justification")
    String colOfficerJustification();

    @Message("Confirm")
    String colConfirm();

    @Message("I confirm blocking {value}")
    String confirmTarget(String value);

    @Message("Decision")
    String decision();

    @Message("{#when action}{#is 'approved'}Directive {reference} was approved.{#is 'rejected'}Directive {reference}"
            + " was rejected.{/when}")
    String decided(String action, String reference);

    /**
     * Why the target parser or a guard refused a line, for every code they have (a test reads the codes from their
     * classes); the service's own detail is shown beside it.
     */
    @Message("{#when code}{#is 'empty'}The line is empty.{#is 'invalid-domain'}Not a valid domain name."
            + "{#is 'label-too-long'}A part of the name between dots is longer than 63 characters."
            + "{#is 'too-long'}Too long for a target of its kind."
            + "{#is 'invalid-character'}A character that a domain name cannot hold."
            + "{#is 'ip-literal-domain'}An IP address written as a domain name: add it as an IP target."
            + "{#is 'single-label'}A name of a single label: a block target needs at least two, such as example.vn."
            + "{#is 'idna-error'}Not a valid internationalised domain name."
            + "{#is 'invalid-url'}Not a valid URL: a URL target starts with http:// or https://."
            + "{#is 'url-scheme'}Only http and https URLs can be blocked."
            + "{#is 'url-userinfo'}A URL with user information (user@host): block the URL without it."
            + "{#is 'invalid-ip'}Not a valid IP address: IPv4 takes four decimal numbers without leading zeros."
            + "{#is 'invalid-cidr'}Not a valid address block: the prefix length is out of range."
            + "{#is 'cidr-host-bits'}The block has host bits set below its prefix: write the block itself."
            + "{#is 'nul-character'}The line holds a NUL character."
            + "{#is 'public-suffix'}A public suffix under which anyone registers names: blocking it hits all of"
            + " them."
            + "{#is 'private-registry-suffix'}A shared hosting suffix whose subdomains belong to unrelated users."
            + "{#is 'reserved-range'}It overlaps a reserved or special-purpose address range."
            + "{#is 'too-broad'}The address block is wider than the guard allows."
            + "{#is 'shared-infrastructure'}It overlaps address space of a CDN or cloud provider: blocking it hits"
            + " unrelated sites hosted there."
            + "{#is 'high-impact'}A widely used name whose blocking would affect many people."
            + "{#is 'confusable'}The name mixes scripts or look-alike characters and can pass for another"
            + " name.{#else}{code}{/when}")
    String targetProblem(String code);

    /** A hint the target parser gives, in words; a hint that is a value (the block a CIDR meant) stays as it is. */
    @Message("{#when hint}"
            + "{#is \"check that the line holds one name and nothing else\"}Check that the line holds one name and"
            + " nothing else."
            + "{#is \"block the URL's host as a domain instead, if the order allows it\"}Block the URL's host as a"
            + " domain instead, if the order allows it."
            + "{#is \"write one address or block a line\"}Write one address or block a line."
            + "{#is \"a URL target starts with http:// or https://\"}A URL target starts with http:// or https://."
            + "{#is \"a domain tree is written *.example.vn\"}A domain tree is written *.example.vn."
            + "{#is \"add a justification to override; a supervisor must then confirm it\"}Add a justification to"
            + " override; a supervisor must then confirm it.{#else}{hint}{/when}")
    String targetHint(String hint);
}
