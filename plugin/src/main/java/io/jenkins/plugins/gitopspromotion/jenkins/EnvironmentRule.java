package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.gitopspromotion.standing.ApprovalRule;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What a registered repository asks of promotions into one of its environments made from Jenkins' pages (the
 * promotion view, a build's page): who may make them, and who must approve them first. Builds are not concerned:
 * their promotions are the build's.
 */
public class EnvironmentRule implements Describable<EnvironmentRule> {

    private final String environment;
    private String allowed;
    private String approvers;
    private int approvals;
    private boolean selfApproval;

    /**
     * @param environment the environment's name, as the config repository names it
     * @throws IllegalArgumentException if it is empty
     */
    @DataBoundConstructor
    public EnvironmentRule(String environment) {
        this.environment = Util.fixEmptyAndTrim(environment);
        if (this.environment == null) {
            throw new IllegalArgumentException(Messages.EnvironmentRule_EnvironmentRequired());
        }
    }

    /** The environment. */
    public String getEnvironment() {
        return environment;
    }

    /** The users and groups who alone may promote into the environment (of those holding Promote), as written; null for all. */
    public String getAllowed() {
        return allowed;
    }

    @DataBoundSetter
    public void setAllowed(String allowed) {
        this.allowed = Util.fixEmptyAndTrim(allowed);
    }

    /** The users and groups who may approve a promotion from a build's page, as written; null for none. */
    public String getApprovers() {
        return approvers;
    }

    @DataBoundSetter
    public void setApprovers(String approvers) {
        this.approvers = Util.fixEmptyAndTrim(approvers);
    }

    /** How many approvals a promotion from a build's page needs; 0 for none. */
    public int getApprovals() {
        return approvals;
    }

    /** @throws IllegalArgumentException if negative, or if approvals are asked for and nobody may give them */
    @DataBoundSetter
    public void setApprovals(int approvals) {
        if (approvals < 0) {
            throw new IllegalArgumentException(Messages.EnvironmentRule_ApprovalsNegative(environment));
        }
        this.approvals = approvals;
    }

    /** Whether the person who started the build or made its source change may approve its promotion. */
    public boolean isSelfApproval() {
        return selfApproval;
    }

    @DataBoundSetter
    public void setSelfApproval(boolean selfApproval) {
        this.selfApproval = selfApproval;
    }

    /** Whether someone known by these names (a user id and the user's groups) may promote into the environment. */
    boolean admits(Collection<String> names) {
        if (allowed == null) {
            return true;
        }
        List<String> admitted = names(allowed);
        return names.stream().anyMatch(name -> admitted.contains(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The approvals a promotion needs, if any.
     *
     * @throws IllegalArgumentException if approvals are asked for and nobody may give them
     */
    Optional<ApprovalRule> approvalRule() {
        if (approvals == 0) {
            return Optional.empty();
        }
        if (approvers == null) {
            throw new IllegalArgumentException(Messages.EnvironmentRule_ApproversRequired(environment, approvals));
        }
        return Optional.of(new ApprovalRule(approvals, names(approvers), selfApproval));
    }

    /** Names separated by commas or spaces, lower case: security realms differ in case sensitivity. */
    private static List<String> names(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(n -> !n.isEmpty()).map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    /** The form. */
    @Extension
    @Symbol("environmentRule")
    public static class DescriptorImpl extends Descriptor<EnvironmentRule> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.EnvironmentRule_DisplayName();
        }
    }
}
