// Mirrors jenkinsci/jenkins core/src/main/java/hudson/ExtensionList.java at release tag jenkins-2.555.3: only the
// static lookupSingleton(Class). The supertypes (AbstractList<T>, OnMaster) are left out: the plugin never holds a
// list. A private constructor hides the implicit public one (upstream's are protected and take arguments).
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
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
