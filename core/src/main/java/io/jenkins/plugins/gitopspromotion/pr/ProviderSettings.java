package io.jenkins.plugins.gitopspromotion.pr;

import java.net.URI;
import java.util.Objects;

/**
 * Where and as whom to open pull requests: the provider, its REST API's base URL, the repository as the
 * provider names it, and the token.
 *
 * @param kind the provider
 * @param apiUrl the REST API's base URL, e.g. {@code https://api.github.com} or {@code https://gitlab.example.com/api/v4}
 * @param project the repository as the provider names it: {@code owner/name} (GitHub, Gitea, Bitbucket Cloud),
 *     {@code group/subgroup/name} (GitLab), {@code PROJECT/repo} (Bitbucket Data Center),
 *     {@code organization/project/repository} (Azure DevOps)
 * @param token the API token; it goes into the Authorization header only
 */
public record ProviderSettings(ProviderKind kind, URI apiUrl, String project, ApiToken token) {

    /** Checks the parts are present. */
    public ProviderSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(token, "token");
    }

    /**
     * The project's parts, for providers that name a repository by a fixed number of them.
     *
     * @param form how the provider's repositories are named, for the message, e.g. {@code owner/repo}
     * @throws IllegalArgumentException if the project does not have {@code count} non-empty parts
     */
    public String[] projectParts(int count, String form) {
        String[] parts = project.split("/", -1);
        if (parts.length != count || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(kind.displayName() + " names a repository " + form + ", not '" + project + "'");
        }
        return parts;
    }

    @Override
    public String toString() {
        return kind.optionName() + " " + project + " at " + apiUrl;
    }
}
