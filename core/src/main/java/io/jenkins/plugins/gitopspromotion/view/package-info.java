/**
 * The promotion view: which version each app has in each environment, what is pending, and what differs
 * between environments, read from Git alone and refreshed incrementally; {@link
 * io.jenkins.plugins.gitopspromotion.view.PromotionView} is the service the {@code serve} command and the Jenkins
 * plugin both call, and the page's assets are resources of this package.
 */
package io.jenkins.plugins.gitopspromotion.view;
