// Mirrors jenkinsci/jenkins core/src/main/java/hudson/util/Secret.java (2.555 line): only the members the plugin uses.
// Checked: "public final class Secret implements Serializable" with "@NonNull public String getPlainText()" (stored
// copy of the current class found by text search); Serializable is left out.
// Compile-only declaration: never packaged, no behaviour.
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;

public final class Secret {

    // Upstream has only package-private constructors; this one only hides the implicit public constructor.
    private Secret() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @NonNull
    public String getPlainText() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
