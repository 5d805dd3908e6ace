// Mirrors jenkinsci/jenkins core/src/main/java/hudson/util/Secret.java at release tag jenkins-2.555.3: only
// getPlainText() (@NonNull). A private constructor hides the implicit public one (upstream's are package-private).
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Secret implements Serializable {

    // Upstream has only package-private constructors; this one only hides the implicit public constructor.
    private Secret() {
    }

    @NonNull
    public String getPlainText() {
        return null;
    }
}
