package io.jenkins.plugins.gitopspromotion.pr;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Git hosts pull requests can be opened on, by the names the command line and config use. */
public enum ProviderKind {
    /** GitHub and GitHub Enterprise Server. */
    GITHUB("github", "GitHub"),
    /** GitLab, hosted or self-managed (merge requests). */
    GITLAB("gitlab", "GitLab"),
    /** Bitbucket Cloud. */
    BITBUCKET("bitbucket", "Bitbucket Cloud"),
    /** Bitbucket Data Center (formerly Server). */
    BITBUCKET_SERVER("bitbucket-server", "Bitbucket Data Center"),
    /** Gitea and Forgejo. */
    GITEA("gitea", "Gitea"),
    /** Azure DevOps Services and Server (Azure Repos). */
    AZURE_DEVOPS("azure-devops", "Azure DevOps");

    private final String optionName;
    private final String displayName;

    ProviderKind(String optionName, String displayName) {
        this.optionName = optionName;
        this.displayName = displayName;
    }

    /** The provider's name as people write it, for messages. */
    public String displayName() {
        return displayName;
    }

    /** The name used in {@code --provider}. */
    public String optionName() {
        return optionName;
    }

    /** The kind with this option name. */
    public static Optional<ProviderKind> fromOptionName(String name) {
        return Arrays.stream(values()).filter(k -> k.optionName.equals(name)).findFirst();
    }

    /** All option names, for messages. */
    public static String optionNames() {
        return Arrays.stream(values()).map(ProviderKind::optionName).collect(Collectors.joining(", "));
    }
}
