package io.jenkins.plugins.gitopspromotion.pr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The merge strategy auto-complete uses on Azure DevOps: the first of squash, no-fast-forward merge, rebase and
 * rebase-merge that the target branch's "Require a merge strategy" policies allow (all of them when there is no
 * such policy). A strategy the policy forbids would leave the pull request approved but never completed.
 */
final class AzureMergeStrategy {

    /** The policy type "Require a merge strategy" (the Policy Configurations reference's examples). */
    static final String POLICY_TYPE = "fa4e907d-c16b-4a4c-9dfa-4916e5d171ab";

    /** Each strategy, in order of preference, with the policy setting that allows it. */
    private static final List<Strategy> STRATEGIES = List.of(new Strategy("squash", "allowSquash"),
            new Strategy("noFastForward", "allowNoFastForward"), new Strategy("rebase", "allowRebase"),
            new Strategy("rebaseMerge", "allowRebaseMerge"));

    private AzureMergeStrategy() {
    }

    private record Strategy(String name, String setting) {
    }

    /**
     * The strategy to complete with.
     *
     * @param policies the answer of "Policy Configurations - Get" for the repository, branch and {@link #POLICY_TYPE}
     * @return the strategy's name as {@code completionOptions.mergeStrategy} takes it, or empty when the policies
     *     leave none
     */
    static Optional<String> choose(JsonNode policies) {
        Set<String> allowed = new LinkedHashSet<>(STRATEGIES.stream().map(Strategy::name).toList());
        for (JsonNode policy : policies.path("value")) {
            if (policy.path("isEnabled").asBoolean(true) && !policy.path("isDeleted").asBoolean(false)
                    && POLICY_TYPE.equals(policy.path("type").path("id").asText())) {
                allowed.retainAll(allowedBy(policy.path("settings")));
            }
        }
        return allowed.stream().findFirst();
    }

    /**
     * The strategies one policy allows: its {@code allow*} settings, or, in policies written before those existed,
     * {@code useSquashMerge} (squash only when true, a merge commit only when false).
     */
    private static Set<String> allowedBy(JsonNode settings) {
        Set<String> allowed = new LinkedHashSet<>();
        boolean modern = false;
        for (Strategy strategy : STRATEGIES) {
            modern |= settings.has(strategy.setting());
            if (settings.path(strategy.setting()).asBoolean(false)) {
                allowed.add(strategy.name());
            }
        }
        if (!modern && settings.has("useSquashMerge")) {
            allowed.add(settings.path("useSquashMerge").asBoolean() ? "squash" : "noFastForward");
        }
        return allowed;
    }
}
