package org.interdict.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.paging.Page;
import org.interdict.security.Actor;
import org.interdict.security.Roles;
import org.interdict.support.Api;
import org.junit.jupiter.api.Test;

/** The supervisor's queue: an authority's directives pending approval, the oldest first, with their target counts. */
@QuarkusTest
class AwaitingApprovalApiTest {

    private static final Actor SUPERVISOR = new Actor("supervisor-chi", "Trần Thị Chi", Set.of(Roles.SUPERVISOR), null,
            "mic", null);

    @Inject
    DirectiveListing listing;

    @Inject
    DirectiveTargets targets;

    @Test
    void theOldestPendingDirectiveComesFirstAndPagesFollowOn() {
        long older = submitted("QUEUE-1", Api.unique("queue-a") + ".example.vn", Api.unique("queue-b") + ".example.vn");
        long draftOnly = Api.draft(Api.unique("QUEUE-DRAFT"));
        long newer = submitted("QUEUE-2", Api.unique("queue-c") + ".example.vn");

        List<Long> queue = listing.awaitingApproval("mic", null, 200, SUPERVISOR).items().stream()
                .map(DirectiveView::id).toList();
        assertThat(queue).contains(older, newer).doesNotContain(draftOnly).isSorted();
        assertThat(targets.counts(List.of(older, newer, draftOnly))).containsEntry(older, 2).containsEntry(newer, 1)
                .doesNotContainKey(draftOnly);

        Page<DirectiveView> first = listing.awaitingApproval("mic", null, 1, SUPERVISOR);
        Page<DirectiveView> second = listing.awaitingApproval("mic", first.nextCursor(), 1, SUPERVISOR);
        assertThat(second.items().get(0).id()).isGreaterThan(first.items().get(0).id());
        assertThat(listing.awaitingApproval("dic-quang-nam", null, 200, SUPERVISOR).items())
                .extracting(DirectiveView::id).doesNotContain(older, newer);
    }

    private static long submitted(String reference, String... values) {
        long id = Api.draft(Api.unique(reference));
        Api.addTargets(id, values);
        as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
        return id;
    }
}
