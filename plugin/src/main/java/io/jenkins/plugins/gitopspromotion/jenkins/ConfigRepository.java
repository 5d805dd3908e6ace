package io.jenkins.plugins.gitopspromotion.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitopspromotion.pr.ProviderDetection;
import io.jenkins.plugins.gitopspromotion.pr.ProviderKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A config repository administrators register once, so that jobs name it by its id instead of repeating its URL,
 * credentials and provider.
 */
public class ConfigRepository implements Describable<ConfigRepository> {

    private final String id;
    private final String url;
    private String credentialsId;
    private String provider = ProviderDetection.AUTO;
    private String apiUrl;
    private String project;
    private String baseBranch = "main";
    private List<EnvironmentRule> environments = new ArrayList<>();
    private String hookCredentialsId;
    private String previousHookCredentialsId;

    /**
     * @param id how jobs name the repository
     * @param url its https, ssh, git or file URL
     * @throws IllegalArgumentException naming what is wrong with either (from the form and from JCasC alike)
     */
    @DataBoundConstructor
    public ConfigRepository(String id, String url) {
        this.id = SettingChecks.id(id);
        this.url = SettingChecks.url(url);
    }

    /** How jobs name the repository. */
    public String getId() {
        return id;
    }

    /** Its URL. */
    public String getUrl() {
        return url;
    }

    /** The credentials for Git and for the provider's API: username with password or token, secret text, or SSH key. */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    /** Where pull requests are opened: {@code auto}, {@code none}, or a provider. */
    public String getProvider() {
        return provider;
    }

    @DataBoundSetter
    public void setProvider(String provider) {
        String value = Util.fixEmptyAndTrim(provider);
        this.provider = value == null ? ProviderDetection.AUTO : value;
    }

    /** The provider's API base URL, for self-hosted servers. */
    public String getApiUrl() {
        return apiUrl;
    }

    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        this.apiUrl = Util.fixEmptyAndTrim(apiUrl);
    }

    /** The repository's name at the provider, when the URL does not tell it. */
    public String getProject() {
        return project;
    }

    @DataBoundSetter
    public void setProject(String project) {
        this.project = Util.fixEmptyAndTrim(project);
    }

    /** The branch the environments' desired state lives on. */
    public String getBaseBranch() {
        return baseBranch;
    }

    @DataBoundSetter
    public void setBaseBranch(String baseBranch) {
        String value = Util.fixEmptyAndTrim(baseBranch);
        this.baseBranch = value == null ? "main" : value;
    }

    /**
     * What promotions made from Jenkins' pages into some environments need (who may make them, who must approve);
     * environments not named are open to all who hold Promote, without approvals.
     */
    public List<EnvironmentRule> getEnvironments() {
        return List.copyOf(environments);
    }

    /** @throws IllegalArgumentException if two rules name the same environment, or a rule asks for approvals nobody may give */
    @DataBoundSetter
    public void setEnvironments(List<EnvironmentRule> environments) {
        this.environments = new ArrayList<>(SettingChecks.environments(environments == null ? List.of() : environments));
    }

    /** The rule of {@code environment}, if it has one. */
    Optional<EnvironmentRule> ruleOf(String environment) {
        return environments.stream().filter(p -> p.getEnvironment().equals(environment)).findFirst();
    }

    public String getHookCredentialsId() {
        return hookCredentialsId;
    }

    /**
     * The key the repository's deployment hooks ({@code gitops-promotion-hooks/ID/…}) check requests with: a Secret text
     * credential, the Flux Secret's {@code token} and the Argo CD bearer token. No key: the hooks answer 404.
     */
    @DataBoundSetter
    public void setHookCredentialsId(String hookCredentialsId) {
        this.hookCredentialsId = Util.fixEmptyAndTrim(hookCredentialsId);
    }

    public String getPreviousHookCredentialsId() {
        return previousHookCredentialsId;
    }

    /** The key being replaced, still taken while the agents move to the new one. */
    @DataBoundSetter
    public void setPreviousHookCredentialsId(String previousHookCredentialsId) {
        this.previousHookCredentialsId = Util.fixEmptyAndTrim(previousHookCredentialsId);
    }

    /** The ids of the hook keys in use: the current one, and the one being replaced. */
    List<String> hookCredentialIds() {
        List<String> ids = new ArrayList<>();
        if (hookCredentialsId != null) {
            ids.add(hookCredentialsId);
        }
        if (previousHookCredentialsId != null && !previousHookCredentialsId.equals(hookCredentialsId)) {
            ids.add(previousHookCredentialsId);
        }
        return ids;
    }

    /** The form and its checks. */
    @Extension
    @Symbol("configRepository")
    public static class DescriptorImpl extends Descriptor<ConfigRepository> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ConfigRepository_DisplayName();
        }

        /** Administrators only: this is global configuration. */
        @POST
        public FormValidation doCheckId(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return SettingChecks.form(value, SettingChecks::id);
        }

        @POST
        public FormValidation doCheckUrl(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return SettingChecks.form(value, SettingChecks::url);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            StandardListBoxModel model = new StandardListBoxModel();
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return model.includeCurrentValue(credentialsId);
            }
            return model.includeEmptyValue()
                    .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(), CredentialKinds.REPOSITORY_FOR_BUILDS)
                    .includeCurrentValue(credentialsId);
        }

        @POST
        public ListBoxModel doFillHookCredentialsIdItems(@QueryParameter String hookCredentialsId) {
            return hookKeys(hookCredentialsId);
        }

        @POST
        public ListBoxModel doFillPreviousHookCredentialsIdItems(@QueryParameter String previousHookCredentialsId) {
            return hookKeys(previousHookCredentialsId);
        }

        /** Secret text credentials, Jenkins' own (SYSTEM-scoped ones too: only the hooks use them); administrators only. */
        private static ListBoxModel hookKeys(String current) {
            StandardListBoxModel model = new StandardListBoxModel();
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return model.includeCurrentValue(current);
            }
            return model.includeEmptyValue()
                    .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(), CredentialKinds.HOOK_KEY)
                    .includeCurrentValue(current);
        }

        /** Builds cannot see SYSTEM-scoped credentials (older registrations may still name some): say so. */
        @POST
        public FormValidation doCheckCredentialsId(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            String id = Util.fixEmptyAndTrim(value);
            StandardCredentials found = id == null ? null : JenkinsCredentials.findAsJenkins(id);
            return found != null && found.getScope() == CredentialsScope.SYSTEM
                    ? FormValidation.warning(Messages.ConfigRepository_SystemScoped(id)) : FormValidation.ok();
        }

        @POST
        public ListBoxModel doFillProviderItems() {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            ListBoxModel model = new ListBoxModel();
            model.add(Messages.ConfigRepository_ProviderAuto(), ProviderDetection.AUTO);
            model.add(Messages.ConfigRepository_ProviderNone(), ProviderDetection.NONE);
            for (ProviderKind kind : ProviderKind.values()) {
                model.add(kind.optionName(), kind.optionName());
            }
            return model;
        }
    }
}
