package io.jenkins.plugins.gitopspromotion.jenkins;

import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The checks of the global settings, made once for every way they arrive: the form (as you type and on save), JCasC,
 * a Groovy script. Each returns the value to keep, or throws {@link IllegalArgumentException} with the message the
 * form shows.
 */
final class SettingChecks {

    /** What a repository id may be: it is typed into Jenkinsfiles. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private SettingChecks() {
    }

    /** A repository id, trimmed. */
    static String id(String value) {
        String id = Util.fixEmptyAndTrim(value);
        if (id == null) {
            throw new IllegalArgumentException(Messages.ConfigRepository_IdRequired());
        }
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(Messages.ConfigRepository_IdInvalid(id));
        }
        return id;
    }

    /** A repository URL, trimmed, that the engine can reach. */
    static String url(String value) {
        String url = Util.fixEmptyAndTrim(value);
        if (url == null) {
            throw new IllegalArgumentException(Messages.ConfigRepository_UrlRequired());
        }
        RepositoryLocation.parse(url); // names what is wrong
        return url;
    }

    /** Repositories with distinct ids. */
    static List<ConfigRepository> repositories(List<ConfigRepository> repositories) {
        Set<String> ids = new HashSet<>();
        for (ConfigRepository repository : repositories) {
            if (!ids.add(repository.getId())) {
                throw new IllegalArgumentException(Messages.GitOpsPromotionConfiguration_DuplicateId(repository.getId()));
            }
        }
        return List.copyOf(repositories);
    }

    /** Rules naming each environment once, each asking only for approvals someone may give. */
    static List<EnvironmentRule> environments(List<EnvironmentRule> rules) {
        Set<String> environments = new HashSet<>();
        for (EnvironmentRule rule : rules) {
            if (!environments.add(rule.getEnvironment())) {
                throw new IllegalArgumentException(Messages.ConfigRepository_EnvironmentTwice(rule.getEnvironment()));
            }
            rule.approvalRule();
        }
        return List.copyOf(rules);
    }

    /** A boundary mode's name; empty for the default, {@code enforce}. */
    static String boundary(String value) {
        String mode = Util.fixEmptyAndTrim(value);
        if (mode == null) {
            return BoundaryMode.ENFORCE.optionName();
        }
        if (BoundaryMode.fromOptionName(mode).isEmpty()) {
            throw new IllegalArgumentException(Messages.GitOpsPromotionConfiguration_BoundaryInvalid(mode, BoundaryMode.optionNames()));
        }
        return mode;
    }

    /** An absolute folder (on whichever system the agents run), or null for each agent user's cache folder. */
    static String cacheFolder(String value) {
        String folder = Util.fixEmptyAndTrim(value);
        if (folder != null && !folder.startsWith("/") && !folder.matches("[A-Za-z]:[\\\\/].*")) {
            throw new IllegalArgumentException(Messages.GitOpsPromotionConfiguration_CacheFolderAbsolute());
        }
        return folder;
    }

    /** A form check of a value with one of these checks. */
    static FormValidation form(String value, UnaryOperator<String> check) {
        try {
            check.apply(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
