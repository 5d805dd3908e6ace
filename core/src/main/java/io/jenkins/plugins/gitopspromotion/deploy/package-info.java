/**
 * Deployment feedback: learning what runs without cluster credentials. Receivers for what the GitOps agents send out
 * (Flux notification-controller {@code generic-hmac} events, Argo CD notifications with the template in
 * {@code docs/deployments.md}, and a small generic schema), each authenticated, bounded and deduplicated; the commit
 * statuses the agents post on the config repository; a store that keeps reports across restarts; the mapping of
 * reports to cells through an environment's {@code deployments:}; each cell's {@link
 * io.jenkins.plugins.gitopspromotion.deploy.state.DeploymentState state}; delivery figures; and a waiter for pipelines.
 * Nothing here changes Git.
 *
 * <p>A host (the {@code serve} command, the Jenkins plugin) keeps one {@link
 * io.jenkins.plugins.gitopspromotion.deploy.DeploymentStore} per config repository, hands every hook request to a
 * {@link io.jenkins.plugins.gitopspromotion.deploy.HookReceiver} with its raw body and headers, and asks a {@link
 * io.jenkins.plugins.gitopspromotion.deploy.DeploymentWaiter} how far a version got.
 */
package io.jenkins.plugins.gitopspromotion.deploy;
