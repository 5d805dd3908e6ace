// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/User.java at release tag jenkins-2.555.3: only the members
// the plugin uses. Upstream: "public class User extends AbstractModelObject implements AccessControlled,
// DescriptorByNameOwner, Loadable, Saveable, Comparable<User>, ModelObjectWithContextMenu, StaplerProxy" with
// "public static @CheckForNull User current()", "@Exported public String getId()" and "public @NonNull String
// getFullName()"; the supertypes are left out. Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public class User {

    // Upstream's constructor is private too.
    private User() {
    }

    public static @CheckForNull User current() {
        return null;
    }

    public String getId() {
        return null;
    }

    public @NonNull String getFullName() {
        return null;
    }
}
