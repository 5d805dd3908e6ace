package io.jenkins.plugins.gitopspromotion.standing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The approvals a promotion has against its rule: which count (one per approver, not from those the rule keeps out),
 * how many are missing, and whether someone may add one.
 */
public final class Approvals {

    private final ApprovalRule rule;
    private final List<Approval> given;
    private final Set<String> involved;

    /**
     * @param given the approvals recorded so far, oldest first
     * @param involved the ids of those who started the build or made its source change: their approvals count only
     *     where the rule allows approving one's own
     */
    public Approvals(ApprovalRule rule, List<Approval> given, Set<String> involved) {
        this.rule = rule;
        this.given = List.copyOf(given);
        this.involved = involved.stream().map(u -> u.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    /** The distinct users whose approvals count. */
    public List<String> counted() {
        Set<String> counted = new LinkedHashSet<>();
        for (Approval approval : given) {
            if (rule.selfApproval() || !involved.contains(approval.user().toLowerCase(Locale.ROOT))) {
                counted.add(approval.user().toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(counted);
    }

    /** How many approvals are still missing; zero when the promotion may be made. */
    public int missing() {
        return Math.max(0, rule.required() - counted().size());
    }

    /** Whether there are enough. */
    public boolean enough() {
        return missing() == 0;
    }

    /**
     * Why a user may not approve, if they may not.
     *
     * @param user the user's id
     * @param names the user's id and groups
     * @return empty when the user may approve now
     */
    public Optional<String> refusal(String user, List<String> names) {
        String id = user.toLowerCase(Locale.ROOT);
        if (!rule.admits(names)) {
            return Optional.of(user + " is not one of those who may approve (" + String.join(", ", rule.approvers()) + ")");
        }
        if (!rule.selfApproval() && involved.contains(id)) {
            return Optional.of(user + " started the build or made its source change, and may not approve it");
        }
        if (counted().contains(id)) {
            return Optional.of(user + " has approved already");
        }
        return Optional.empty();
    }
}
