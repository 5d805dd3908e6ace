// Mirrors jenkinsci/jenkins core/src/main/java/hudson/slaves/WorkspaceList.java at release tag jenkins-2.555.3: only
// tempDir(FilePath) (@CheckForNull, @since 1.652): the workspace's sibling folder WS@tmp, where the plugin keeps build
// files that must not be in the workspace. A private constructor hides upstream's public no-argument one, which the
// plugin never calls.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.slaves;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;

public final class WorkspaceList {

    // Upstream's constructor is public; the plugin makes no WorkspaceList, so this one only hides the implicit one.
    private WorkspaceList() {
    }

    @CheckForNull
    public static FilePath tempDir(FilePath ws) {
        return null;
    }
}
