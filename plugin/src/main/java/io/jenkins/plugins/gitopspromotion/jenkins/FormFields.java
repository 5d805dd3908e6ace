package io.jenkins.plugins.gitopspromotion.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitopspromotion.build.BuilderKind;
import io.jenkins.plugins.gitopspromotion.config.PromotionMode;
import io.jenkins.plugins.gitopspromotion.git.RepositoryLocation;
import io.jenkins.plugins.gitopspromotion.image.Digest;
import io.jenkins.plugins.gitopspromotion.image.ImageReference;
import io.jenkins.plugins.gitopspromotion.image.ImageTag;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The fields steps and builders share, filled and checked one way, with the permission checks Jenkins asks of
 * form methods: the job's {@link Item#CONFIGURE} (or {@link Jenkins#ADMINISTER} outside a job), and for credentials
 * what the Credentials plugin documents.
 */
final class FormFields {

    private FormFields() {
    }

    /**
     * The credentials of the given kinds the job may use; only the current value to those who may not configure it.
     */
    static ListBoxModel credentials(Item item, String credentialsId, CredentialsMatcher kinds) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : !item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            return model.includeCurrentValue(credentialsId);
        }
        return model.includeEmptyValue()
                .includeMatchingAs(item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2, item,
                        StandardCredentials.class, List.of(), kinds)
                .includeCurrentValue(credentialsId);
    }

    /** The registered repositories' ids. */
    static ListBoxModel repositories(Item item) {
        ListBoxModel model = new ListBoxModel();
        if (mayConfigure(item)) {
            GitOpsPromotionConfiguration.get().getRepositories().forEach(r -> model.add(r.getId() + " (" + r.getUrl() + ")", r.getId()));
        }
        return model;
    }

    /** The modes, the environment's own first. */
    static ListBoxModel modes(Item item) {
        ListBoxModel model = new ListBoxModel();
        if (mayConfigure(item)) {
            model.add(Messages.FormFields_EnvironmentMode(), "");
            for (PromotionMode mode : PromotionMode.values()) {
                model.add(mode.configName(), mode.configName());
            }
        }
        return model;
    }

    /** The image builders. */
    static ListBoxModel builders(Item item) {
        ListBoxModel model = new ListBoxModel();
        if (mayConfigure(item)) {
            for (BuilderKind kind : BuilderKind.values()) {
                model.add(kind.toString(), kind.toString());
            }
        }
        return model;
    }

    /** A registered id or a URL. */
    static FormValidation checkRepository(Item item, String value) {
        return check(item, value, true, v -> {
            if (GitOpsPromotionConfiguration.get().repository(v).isEmpty()) {
                RepositoryLocation.parse(v);
            }
        });
    }

    static FormValidation checkRequired(Item item, String value) {
        return check(item, value, true, v -> {
        });
    }

    static FormValidation checkTag(Item item, String value) {
        return check(item, value, false, ImageTag::requireValid);
    }

    static FormValidation checkDigest(Item item, String value) {
        return check(item, value, false, Digest::parse);
    }

    static FormValidation checkImage(Item item, String value) {
        return check(item, value, false, ImageReference::parse);
    }

    /** An image name without tag or digest, or none. */
    static FormValidation checkOptionalImageName(Item item, String value) {
        return check(item, value, false, ImageReference::parseName);
    }

    /** An image name without tag or digest, as builds take it. */
    static FormValidation checkImageName(Item item, String value) {
        return check(item, value, true, ImageReference::parseName);
    }

    private static FormValidation check(Item item, String value, boolean required, Consumer<String> parse) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        String v = Util.fixEmptyAndTrim(value);
        if (v == null) {
            return required ? FormValidation.error(Messages.FormFields_Required()) : FormValidation.ok();
        }
        if (v.contains("$")) {
            // Build variables are expanded when the build runs; the value is checked then.
            return FormValidation.ok();
        }
        try {
            parse.accept(v);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /**
     * The fields of a form: the parameters of its class's {@code @DataBoundConstructor} and the properties of its
     * {@code @DataBoundSetter}s, in that order.
     */
    static List<String> names(Class<?> describable) {
        List<String> names = new ArrayList<>();
        for (Constructor<?> constructor : describable.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter parameter : constructor.getParameters()) {
                    names.add(parameter.getName());
                }
            }
        }
        for (Method method : describable.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class) && method.getName().startsWith("set")) {
                names.add(Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4));
            }
        }
        return names;
    }

    private static boolean mayConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }
}
