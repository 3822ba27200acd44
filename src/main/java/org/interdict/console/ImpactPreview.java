package org.interdict.console;

import jakarta.enterprise.context.ApplicationScoped;
import org.interdict.directive.DirectiveStatus;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.ruleset.PreviewService;
import org.interdict.ruleset.dto.PreviewView;

/**
 * The impact preview shown on the targets and review pages: what approving a directive not yet decided would change,
 * for those who may ask the API for it (officers and supervisors, POST /directives/{id}/preview).
 */
@ApplicationScoped
public class ImpactPreview {

    private final PreviewService previews;

    public ImpactPreview(PreviewService previews) {
        this.previews = previews;
    }

    /** The preview of {@code directive}, which the caller may see; null when it is decided or the caller may not ask. */
    public PreviewView of(DirectiveView directive, PageContext page) {
        boolean undecided = directive.status() == DirectiveStatus.DRAFT
                || directive.status() == DirectiveStatus.PENDING_APPROVAL;
        return undecided && (page.officer() || page.supervisor()) ? previews.preview(directive.id()) : null;
    }
}
