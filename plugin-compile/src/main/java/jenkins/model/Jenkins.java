// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/model/Jenkins.java (2.555 line): only the members the plugin
// uses. Checked against stored copies of the current class, lately the one at commit
// 08df7d817fc5605c9f03e2c5656e3abd7eeabf42: "public class Jenkins extends AbstractCIBase implements
// DirectlyModifiableTopLevelItemGroup, StaplerProxy, StaplerFallback, ModifiableViewGroup, AccessControlled,
// DescriptorByNameOwner, ModelObjectWithContextMenu, ModelObjectWithChildren, OnMaster, Loadable",
// "@NonNull public static Jenkins get() throws IllegalStateException" (@since 2.98),
// "public static final Permission ADMINISTER = Permission.HUDSON_ADMINISTER" and "public static final Permission READ =
// new Permission(PERMISSIONS, "Read", ...)" (both null here), and "@Override public File getRootDir()" (an override of
// PersistenceRoot's, which the ItemGroup declared here leaves out; hence no @Override). Of the interfaces only
// AccessControlled is kept (checkPermission/hasPermission); ItemGroup comes through AbstractCIBase.
// Compile-only declaration: never packaged, no behaviour.
package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.AbstractCIBase;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;

public class Jenkins extends AbstractCIBase implements AccessControlled {

    public static final Permission ADMINISTER = null;

    public static final Permission READ = null;

    // Upstream has only protected constructors with arguments; this one only hides the implicit public constructor.
    private Jenkins() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @NonNull
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
