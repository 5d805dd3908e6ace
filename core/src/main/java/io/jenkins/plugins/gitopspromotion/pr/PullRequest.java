package io.jenkins.plugins.gitopspromotion.pr;

/**
 * An open pull request (merge request on GitLab).
 *
 * @param number the number people know it by ({@code #12}, {@code !12})
 * @param url its web page
 * @param id the provider's own identifier where it differs from the number (GitHub's GraphQL node id, for
 *     auto-merge; GitLab's project-wide id), else the number as text
 */
public record PullRequest(long number, String url, String id) {
}
