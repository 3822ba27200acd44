package org.interdict.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interdict.support.Api.OFFICER;
import static org.interdict.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.interdict.directive.dto.DirectiveView;
import org.interdict.paging.Page;
import org.interdict.security.Actor;
import org.interdict.security.Roles;
import org.interdict.support.Api;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's queue: an authority's directives pending approval, the longest waiting (first submitted) first
 * whatever the order they were drafted in, with their target counts; pages follow on in the same order.
 */
@QuarkusTest
class AwaitingApprovalApiTest {

    private static final Actor SUPERVISOR = new Actor("supervisor-chi", "Trần Thị Chi", Set.of(Roles.SUPERVISOR), null,
            "mic", null);

    @Inject
    DirectiveListing listing;

    @Inject
    DirectiveTargets targets;

    @Test
    void theLongestWaitingDirectiveComesFirstAndPagesFollowOn() {
        long draftedFirst = drafted("QUEUE-1", Api.unique("queue-a") + ".example.vn",
                Api.unique("queue-b") + ".example.vn");
        long draftOnly = Api.draft(Api.unique("QUEUE-DRAFT"));
        long draftedLast = drafted("QUEUE-2", Api.unique("queue-c") + ".example.vn");
        submit(draftedLast);
        submit(draftedFirst);

        List<DirectiveView> queue = listing.awaitingApproval("mic", null, 200, SUPERVISOR).items();
        List<Long> ids = queue.stream().map(DirectiveView::id).toList();
        assertThat(ids).contains(draftedFirst, draftedLast).doesNotContain(draftOnly);
        assertThat(ids.indexOf(draftedLast)).isLessThan(ids.indexOf(draftedFirst));
        assertThat(queue).extracting(d -> d.submitted().at()).isSorted();
        assertThat(targets.counts(List.of(draftedFirst, draftedLast, draftOnly))).containsEntry(draftedFirst, 2)
                .containsEntry(draftedLast, 1).doesNotContainKey(draftOnly);

        // One directive a page: the pages give the same order as the whole queue.
        List<Long> paged = new ArrayList<>();
        Page<DirectiveView> page = listing.awaitingApproval("mic", null, 1, SUPERVISOR);
        while (true) {
            paged.add(page.items().get(0).id());
            if (page.nextCursor() == null || paged.size() == ids.size()) {
                break;
            }
            page = listing.awaitingApproval("mic", page.nextCursor(), 1, SUPERVISOR);
        }
        assertThat(paged).isEqualTo(ids);
        assertThat(listing.awaitingApproval("dic-quang-nam", null, 200, SUPERVISOR).items())
                .extracting(DirectiveView::id).doesNotContain(draftedFirst, draftedLast);
    }

    private static long drafted(String reference, String... values) {
        long id = Api.draft(Api.unique(reference));
        Api.addTargets(id, values);
        return id;
    }

    private static void submit(long id) {
        as(OFFICER).post("/api/v1/directives/" + id + "/submit").then().statusCode(200);
    }
}
