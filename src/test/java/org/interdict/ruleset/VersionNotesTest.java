package org.interdict.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interdict.ruleset.RuleSetBuilder.PendingChange;
import org.junit.jupiter.api.Test;

/** Which of a compilation's pending changes each ISP's new version names: never another ISP's. */
class VersionNotesTest {

    private static final CompileInputs INPUTS = new CompileInputs(List.of("vnpt", "viettel"), Map.of(
            1L, new CompileInputs.Audience(false, Set.of("vnpt")),
            2L, new CompileInputs.Audience(false, Set.of("viettel")),
            3L, new CompileInputs.Audience(true, Set.of())), List.of());

    private static final List<PendingChange> BATCH = List.of(
            new PendingChange(10, null, "isp-registered:vnpt"),
            new PendingChange(11, null, "isp-registered:viettel"),
            new PendingChange(12, null, "isp-deactivated:viettel"),
            new PendingChange(13, null, "allowlist-added"),
            new PendingChange(14, 1L, "approved"),
            new PendingChange(15, 2L, "approved"),
            new PendingChange(16, 3L, "approved"));

    @Test
    void aVersionNamesItsOwnIspsChangesAndThoseOfEveryIspButNoOtherIsps() {
        assertThat(RuleSetBuilder.notesFor("vnpt", BATCH, INPUTS)).containsExactly(
                new VersionWriter.ChangeNote(null, "isp-registered:vnpt"),
                new VersionWriter.ChangeNote(null, "allowlist-added"),
                new VersionWriter.ChangeNote(1L, "approved"),
                new VersionWriter.ChangeNote(3L, "approved"));
        assertThat(RuleSetBuilder.notesFor("viettel", BATCH, INPUTS)).extracting(VersionWriter.ChangeNote::change)
                .containsExactly("isp-registered:viettel", "isp-deactivated:viettel", "allowlist-added", "approved",
                        "approved")
                .doesNotContain("isp-registered:vnpt");
    }
}
