// Mirrors jenkinsci/jenkins core/src/main/java/hudson/ExtensionList.java (2.555 line): only the members the plugin uses.
// Checked against a stored copy of the current class ("public class ExtensionList<T> extends AbstractList<T> implements
// OnMaster", "@NonNull public static <U> U lookupSingleton(Class<U> type)"); the supertypes are left out because the
// plugin does not use the list itself.
// Compile-only declaration: never packaged, no behaviour.
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;

public class ExtensionList<T> {

    // Upstream has only protected constructors with arguments; this one only hides the implicit public constructor.
    private ExtensionList() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @NonNull
    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
