// Mirrors jenkinsci/jenkins core/src/main/java/hudson/slaves/WorkspaceList.java at release tag jenkins-2.555.3: only the
// members the plugin uses. Upstream: "public final class WorkspaceList" with "@CheckForNull public static FilePath
// tempDir(FilePath ws)" (@since 1.652): the workspace's sibling folder WS@tmp, on the same volume as the workspace, which
// every container of a Kubernetes agent pod mounts, where Jenkins keeps build files that must not be in the workspace.
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
