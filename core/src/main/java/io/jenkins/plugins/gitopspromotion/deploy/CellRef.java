package io.jenkins.plugins.gitopspromotion.deploy;

/**
 * One app in one environment: a cell a report is about.
 *
 * @param env the environment
 * @param app the app
 */
public record CellRef(String env, String app) {

    /** {@code web in prod}. */
    @Override
    public String toString() {
        return app + " in " + env;
    }
}
