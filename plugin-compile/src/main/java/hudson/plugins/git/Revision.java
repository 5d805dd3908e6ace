// Mirrors jenkinsci/git-client-plugin src/main/java/hudson/plugins/git/Revision.java at release tag git-client-6.6.1:
// only the members the plugin uses. Upstream: "public class Revision implements java.io.Serializable, Cloneable" with
// "public String getSha1String()". Cloneable is left out. Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package hudson.plugins.git;

import java.io.Serializable;

public class Revision implements Serializable {

    private static final long serialVersionUID = -7203898556389073882L;

    public String getSha1String() {
        return null;
    }
}
