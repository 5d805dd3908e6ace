// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Cause.java at release tag jenkins-2.555.3: the type and the
// nested UserIdCause's getUserId() (@CheckForNull), by which the plugin learns who started a build (for the separation
// of duties of approvals), and its constructor with the user id (tests make causes with it). Cause's own members and
// the no-argument constructor are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public abstract class Cause {

    public static class UserIdCause extends Cause {

        public UserIdCause(@CheckForNull String userId) {
        }

        @CheckForNull
        public String getUserId() {
            return null;
        }
    }
}
