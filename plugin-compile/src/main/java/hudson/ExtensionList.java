// Mirrors jenkinsci/jenkins core/src/main/java/hudson/ExtensionList.java at release tag jenkins-2.555.3: only the
// members the plugin uses. Checked against the source at that tag"); the supertypes are left out because the plugin
// does not use the list itself. Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;

public class ExtensionList<T> {

    // Upstream has only protected constructors with arguments; this one only hides the implicit public constructor.
    private ExtensionList() {
    }

    @NonNull
    public static <U> U lookupSingleton(Class<U> type) {
        return null;
    }
}
