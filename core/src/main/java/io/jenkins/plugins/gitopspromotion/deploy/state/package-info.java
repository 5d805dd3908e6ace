/**
 * What the deployment feedback says about a cell, as values: its {@link
 * io.jenkins.plugins.gitopspromotion.deploy.state.DeploymentState state}, the {@link
 * io.jenkins.plugins.gitopspromotion.deploy.state.CellDeployment deployment} of its version per cluster, and the
 * {@link io.jenkins.plugins.gitopspromotion.deploy.state.DeliveryMetrics delivery figures} of an environment and app.
 * They depend on nothing else of the engine, so that the status report, the view and the deployment package can all
 * carry them.
 */
package io.jenkins.plugins.gitopspromotion.deploy.state;
