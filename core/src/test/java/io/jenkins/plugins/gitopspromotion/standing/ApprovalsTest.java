package io.jenkins.plugins.gitopspromotion.standing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void twoDistinctApproversNotTheBuildsOwnAreNeeded() {
        ApprovalRule rule = new ApprovalRule(2, List.of("SRE", "alice"), false);
        Approvals none = new Approvals(rule, List.of(), Set.of("bob"));
        assertThat(none.missing()).isEqualTo(2);
        assertThat(none.refusal("carol", List.of("carol", "developers"))).contains(
                "carol is not one of those who may approve (sre, alice)");
        assertThat(none.refusal("bob", List.of("bob", "sre"))).contains(
                "bob started the build or made its source change, and may not approve it");
        assertThat(none.refusal("dave", List.of("dave", "sre"))).isEmpty();

        Approvals one = new Approvals(rule, List.of(new Approval("dave", NOW), new Approval("Dave", NOW.plusSeconds(5)),
                new Approval("bob", NOW)), Set.of("bob"));
        assertThat(one.counted()).containsExactly("dave");
        assertThat(one.enough()).isFalse();
        assertThat(one.refusal("dave", List.of("dave", "sre"))).contains("dave has approved already");

        Approvals two = new Approvals(rule, List.of(new Approval("dave", NOW), new Approval("alice", NOW)), Set.of("bob"));
        assertThat(two.enough()).isTrue();
    }

    @Test
    void selfApprovalCountsWhereTheRuleAllowsIt() {
        ApprovalRule rule = new ApprovalRule(1, List.of("sre"), true);
        Approvals own = new Approvals(rule, List.of(new Approval("bob", NOW)), Set.of("bob"));
        assertThat(own.enough()).isTrue();
    }

    @Test
    void aRuleNeedsApproversAndAtLeastOneApproval() {
        assertThatThrownBy(() -> new ApprovalRule(0, List.of("sre"), false)).hasMessageContaining("at least 1 approval");
        assertThatThrownBy(() -> new ApprovalRule(1, List.of(" "), false)).hasMessageContaining("must name the users or groups");
    }
}
