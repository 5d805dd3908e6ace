package io.jenkins.plugins.gitopspromotion.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitopspromotion.guard.BoundaryMode;
import io.jenkins.plugins.gitopspromotion.guard.CredentialBoundary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The global configuration ({@code Manage Jenkins → System}, and JCasC under {@code unclassified.gitopsPromotion}):
 * the config repositories jobs promote into, and defaults for every promotion.
 */
@Extension
@Symbol("gitopsPromotion")
public class GitOpsPromotionConfiguration extends GlobalConfiguration {

    private List<ConfigRepository> repositories = new ArrayList<>();
    private String boundary = BoundaryMode.ENFORCE.optionName();
    private String cacheFolder;
    private boolean enforceOnController;

    /** Loads the saved configuration. */
    public GitOpsPromotionConfiguration() {
        load();
    }

    /** The instance Jenkins holds. */
    public static GitOpsPromotionConfiguration get() {
        return ExtensionList.lookupSingleton(GitOpsPromotionConfiguration.class);
    }

    /** The registered config repositories. */
    public List<ConfigRepository> getRepositories() {
        return List.copyOf(repositories);
    }

    /** @throws IllegalArgumentException if two have the same id */
    @DataBoundSetter
    public void setRepositories(List<ConfigRepository> repositories) {
        this.repositories = new ArrayList<>(SettingChecks.repositories(repositories == null ? List.of() : repositories));
        save();
    }

    /** A registered repository by its id. */
    public Optional<ConfigRepository> repository(String id) {
        return repositories.stream().filter(r -> r.getId() != null && r.getId().equals(id)).findFirst();
    }

    /** What a promotion does when the agent holds cluster credentials: {@code enforce}, {@code warn} or {@code off}. */
    public String getBoundary() {
        return boundary;
    }

    /** @throws IllegalArgumentException if it names no mode */
    @DataBoundSetter
    public void setBoundary(String boundary) {
        this.boundary = SettingChecks.boundary(boundary);
        save();
    }

    /**
     * Whether the controller's own cluster credentials refuse the promotions it runs (steps without an agent, the
     * promotion view) where the boundary is enforced. Off by default: a controller in Kubernetes holds a service
     * account token, which the Kubernetes plugin starts agents with; it is then shown here and in the view instead.
     */
    public boolean isEnforceOnController() {
        return enforceOnController;
    }

    @DataBoundSetter
    public void setEnforceOnController(boolean enforceOnController) {
        this.enforceOnController = enforceOnController;
        save();
    }

    /** The controller's own credentials within reach of its promotions, one line each, for this page and the view. */
    public List<String> getControllerCredentials() {
        return CredentialBoundary.ofController(Map.of(), false).findings().stream()
                .map(f -> Messages.GitOpsPromotionConfiguration_ControllerCredential(f.kind(), f.where(), f.remedy())).toList();
    }

    /** Where agents keep mirrors of config repositories; empty for each agent user's cache folder. */
    public String getCacheFolder() {
        return cacheFolder;
    }

    /** @throws IllegalArgumentException if it is not absolute */
    @DataBoundSetter
    public void setCacheFolder(String cacheFolder) {
        this.cacheFolder = SettingChecks.cacheFolder(cacheFolder);
        save();
    }

    @POST
    public ListBoxModel doFillBoundaryItems() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        ListBoxModel model = new ListBoxModel();
        for (BoundaryMode mode : BoundaryMode.values()) {
            model.add(mode.optionName(), mode.optionName());
        }
        return model;
    }

    @POST
    public FormValidation doCheckCacheFolder(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        // Checked on agents, where the folder is; here only its form.
        return SettingChecks.form(value, SettingChecks::cacheFolder);
    }

    /**
     * Saves the form. A repeatable list without entries sends no key at all, so without this the last repository
     * could never be deleted: the list starts empty and the form fills it. A value the setters refuse is shown on the
     * form, naming the problem.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        try {
            if (!json.has("repositories")) {
                setRepositories(List.of());
            }
            req.bindJSON(this, json);
        } catch (IllegalArgumentException e) {
            throw new FormException(ownMessage(e), e, "repositories");
        }
        return true;
    }

    /** The message of the innermost refusal: Stapler wraps what a constructor throws in messages of its own. */
    private static String ownMessage(IllegalArgumentException e) {
        String message = e.getMessage();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException) {
                message = cause.getMessage();
            }
        }
        return message;
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.GitOpsPromotionConfiguration_DisplayName();
    }
}
