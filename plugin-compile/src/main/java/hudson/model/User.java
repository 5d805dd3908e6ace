// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/User.java at release tag jenkins-2.555.3: the private
// no-argument constructor (upstream's is private too), and current() (@CheckForNull) and getFullName() (@NonNull),
// which the plugin uses. The superclass AbstractModelObject and the interfaces are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
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

    public @NonNull String getFullName() {
        return null;
    }
}
