package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Who may promote into (and roll back in) one environment of a registered repository from the promotion view: only
 * these users and groups, of those who hold GitOpsPromotion/Promote. An environment no entry names is open to all who
 * hold it. Builds are not concerned: their promotions are the build's.
 */
public class EnvironmentPromoters implements Describable<EnvironmentPromoters> {

    private final String environment;
    private final String allowed;

    /**
     * @param environment the environment's name, as the config repository names it
     * @param allowed user ids and group names, separated by commas or spaces
     * @throws IllegalArgumentException if either is empty
     */
    @DataBoundConstructor
    public EnvironmentPromoters(String environment, String allowed) {
        this.environment = Util.fixEmptyAndTrim(environment);
        this.allowed = Util.fixEmptyAndTrim(allowed);
        if (this.environment == null) {
            throw new IllegalArgumentException(Messages.EnvironmentPromoters_EnvironmentRequired());
        }
        if (this.allowed == null || names().isEmpty()) {
            throw new IllegalArgumentException(Messages.EnvironmentPromoters_AllowedRequired(this.environment));
        }
    }

    /** The environment. */
    public String getEnvironment() {
        return environment;
    }

    /** The users and groups, as written. */
    public String getAllowed() {
        return allowed;
    }

    /** Whether someone known by these names (a user id and the user's groups) is one of those allowed. */
    boolean admits(Collection<String> names) {
        List<String> admitted = names();
        return names.stream().anyMatch(name -> admitted.contains(name.toLowerCase(Locale.ROOT)));
    }

    /** The names allowed, lower case: security realms differ in case sensitivity, and Jenkins' default ignores case. */
    private List<String> names() {
        return Arrays.stream(allowed.split("[,\\s]+")).filter(n -> !n.isEmpty()).map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    /** The form. */
    @Extension
    @Symbol("promoters")
    public static class DescriptorImpl extends Descriptor<EnvironmentPromoters> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.EnvironmentPromoters_DisplayName();
        }
    }
}
