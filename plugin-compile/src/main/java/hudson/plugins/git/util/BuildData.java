// Mirrors jenkinsci/git-plugin src/main/java/hudson/plugins/git/util/BuildData.java at release tag git-5.10.1: only the
// members the plugin uses. Upstream: "public class BuildData implements Action, Serializable, Cloneable", the action
// the Git plugin adds to a build that checked out a repository; "public @CheckForNull Revision getLastBuiltRevision()"
// and "public Set<String> getRemoteUrls()". Cloneable is left out. Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package hudson.plugins.git.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.plugins.git.Revision;
import java.io.Serializable;
import java.util.Set;

public class BuildData implements Action, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }

    public @CheckForNull Revision getLastBuiltRevision() {
        return null;
    }

    public Set<String> getRemoteUrls() {
        return null;
    }
}
