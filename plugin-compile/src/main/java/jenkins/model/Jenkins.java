// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/model/Jenkins.java at release tag jenkins-2.555.3: only the
// members the plugin uses. Checked against the source at that tag, lately the one at commit
// 08df7d817fc5605c9f03e2c5656e3abd7eeabf42: "public class Jenkins extends AbstractCIBase implements
// DirectlyModifiableTopLevelItemGroup, StaplerProxy, StaplerFallback, ModifiableViewGroup, AccessControlled,
// DescriptorByNameOwner, ModelObjectWithContextMenu, ModelObjectWithChildren, OnMaster, Loadable", "@NonNull public
// static Jenkins get() throws IllegalStateException" (@since 2.98), "public static final Permission ADMINISTER =
// Permission.HUDSON_ADMINISTER" and "public static final Permission READ = new Permission(PERMISSIONS, "Read", ...)"
// (both null here), and "@Override public File getRootDir()" (an override of PersistenceRoot's, which the ItemGroup
// declared here leaves out; hence no @Override). Of the interfaces only AccessControlled is kept
// (checkPermission/hasPermission); ItemGroup comes through AbstractCIBase. Compile-only declaration, never packaged;
// bodies as plugin-compile/README.md says.
package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.AbstractCIBase;
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

    public File getRootDir() {
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
