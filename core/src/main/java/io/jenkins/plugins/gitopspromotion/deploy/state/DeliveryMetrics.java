package io.jenkins.plugins.gitopspromotion.deploy.state;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The delivery figures of an app in an environment over a window of days, from Git (the promotions and rollbacks on
 * the base branch, the {@code Source-Time} trailer) and the agents' reports.
 *
 * @param env the environment
 * @param app the app
 * @param windowDays how many days back the figures look
 * @param deployments promotions merged into the environment in the window, rollbacks included
 * @param deploymentsPerDay {@code deployments} per day of the window
 * @param leadTimeSeconds the median time from the source commit (its {@code Source-Time} trailer, else the promotion
 *     commit) to the first healthy report of the version, or null when no promotion of the window was reported healthy
 * @param changeFailureRate the share of the window's promotions followed by a rollback or a degraded or failed report,
 *     or null without promotions
 * @param timeToRestoreSeconds the median time from a degraded or failed report (or a rollback's promotion) to the next
 *     healthy report, or null when nothing was restored in the window
 */
@JsonPropertyOrder({"env", "app", "windowDays", "deployments", "deploymentsPerDay", "leadTimeSeconds", "changeFailureRate",
        "timeToRestoreSeconds"})
public record DeliveryMetrics(String env, String app, int windowDays, int deployments, double deploymentsPerDay,
        Long leadTimeSeconds, Double changeFailureRate, Long timeToRestoreSeconds) {
}
