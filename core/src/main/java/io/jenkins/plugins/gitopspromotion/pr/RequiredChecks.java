package io.jenkins.plugins.gitopspromotion.pr;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The required checks of an environment ({@code gates.checks}) on a commit: the newest status of each name among those
 * the provider reports on it, or {@code missing}. Auto-merge is enabled only once every one has succeeded.
 *
 * @param checks each required check, in the order the config names them
 */
public record RequiredChecks(List<Check> checks) {

    /**
     * One required check.
     *
     * @param name the status's context (GitHub, Gitea), name (GitLab, Bitbucket) or context name (Azure DevOps)
     * @param state {@code success}, {@code pending}, {@code failure}, {@code error}, or {@code missing} when nothing of
     *     that name was posted on the commit
     */
    @JsonPropertyOrder({"name", "state"})
    public record Check(String name, String state) {
    }

    /** Copies the list. */
    public RequiredChecks {
        checks = List.copyOf(checks);
    }

    /** The state of each of {@code required} among the statuses a provider answered for a commit, newest first. */
    public static RequiredChecks of(List<String> required, List<CommitStatus> statuses) {
        List<Check> checks = new ArrayList<>();
        for (String name : required) {
            String state = statuses.stream().filter(s -> s.context().equals(name)).findFirst()
                    .map(s -> s.state().name().toLowerCase(Locale.ROOT)).orElse("missing");
            checks.add(new Check(name, state));
        }
        return new RequiredChecks(checks);
    }

    /** Whether every required check succeeded. */
    public boolean passed() {
        return checks.stream().allMatch(c -> c.state().equals("success"));
    }

    /** {@code ci/build success, lint pending, e2e missing}. */
    public String describe() {
        return String.join(", ", checks.stream().map(c -> c.name() + " " + c.state()).toList());
    }
}
