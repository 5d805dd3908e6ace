package io.jenkins.plugins.gitopspromotion.standing;

import java.util.List;
import java.util.Locale;

/**
 * Who must approve a promotion into an environment before it is made from a build's page, and how many.
 *
 * @param required how many distinct approvals are needed (at least one)
 * @param approvers the user ids and group names who may approve, compared without regard to case (security realms
 *     differ in case sensitivity)
 * @param selfApproval whether the person who started the build or made its source change may approve it; false
 *     keeps duties apart
 */
public record ApprovalRule(int required, List<String> approvers, boolean selfApproval) {

    /** Checks the rule names someone and needs at least one approval. */
    public ApprovalRule {
        if (required < 1) {
            throw new IllegalArgumentException("an approval rule needs at least 1 approval, not " + required);
        }
        approvers = approvers.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).filter(a -> !a.isEmpty()).distinct().toList();
        if (approvers.isEmpty()) {
            throw new IllegalArgumentException("an approval rule must name the users or groups who may approve");
        }
    }

    /** Whether someone known by these names (a user id and the user's groups) is one of the approvers. */
    boolean admits(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).anyMatch(approvers::contains);
    }
}
