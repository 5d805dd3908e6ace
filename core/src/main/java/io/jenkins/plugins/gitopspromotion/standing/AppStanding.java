package io.jenkins.plugins.gitopspromotion.standing;

import java.util.List;

/**
 * Where a built version of one app stands in each environment, in promotion order.
 *
 * @param app the app
 * @param environments its standing per environment
 */
public record AppStanding(String app, List<EnvironmentStanding> environments) {

    /** Copies the list. */
    public AppStanding {
        environments = List.copyOf(environments);
    }

    /** The environments the version may enter now. */
    public List<String> mayEnter() {
        return environments.stream().filter(e -> e.verdict() == EnvironmentStanding.Verdict.MAY_ENTER).map(EnvironmentStanding::env)
                .toList();
    }
}
