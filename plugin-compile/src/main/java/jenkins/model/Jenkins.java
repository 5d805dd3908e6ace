// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/model/Jenkins.java at release tag jenkins-2.555.3: only the
// members the plugin uses, ADMINISTER, READ, get() (@since 2.98), getAuthentication2(), getRootUrl(), getRootDir(),
// getProxy() (@CheckForNull, @since 2.205: the HTTP proxy configuration, null when none was ever saved) and
// getItem(String, Item, Class) (a job named absolutely or relative to another item, null when there is none), and
// getDisplayName() and getFullDisplayName(), which this concrete class must implement for the interfaces kept here. Of
// the interfaces only AccessControlled is kept (ItemGroup comes through AbstractCIBase); getRootDir() overrides
// PersistenceRoot's upstream, which is not declared here. ADMINISTER and READ are non-null placeholders, new
// Permission(null, name, null, null, PermissionScope.JENKINS): upstream's ADMINISTER is Permission.HUDSON_ADMINISTER,
// and READ's group, description and Permission.READ are not declared here. A private constructor hides the implicit
// public one (upstream's are protected and take arguments).
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ProxyConfiguration;
import hudson.model.AbstractCIBase;
import hudson.model.Item;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionScope;
import java.io.File;
import org.springframework.security.core.Authentication;

public class Jenkins extends AbstractCIBase implements AccessControlled {

    public static final Permission ADMINISTER = new Permission(null, "Administer", null, null, PermissionScope.JENKINS);

    public static final Permission READ = new Permission(null, "Read", null, null, PermissionScope.JENKINS);

    // Upstream has only protected constructors with arguments; this one only hides the implicit public constructor.
    private Jenkins() {
    }

    @NonNull
    public static Jenkins get() throws IllegalStateException {
        return null;
    }

    public static @NonNull Authentication getAuthentication2() {
        return null;
    }

    public @Nullable String getRootUrl() throws IllegalStateException {
        return null;
    }

    public final <T extends Item> T getItem(String pathName, Item context, Class<T> type) {
        return null;
    }

    public File getRootDir() {
        return null;
    }

    @CheckForNull
    public ProxyConfiguration getProxy() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getFullDisplayName() {
        return null;
    }
}
