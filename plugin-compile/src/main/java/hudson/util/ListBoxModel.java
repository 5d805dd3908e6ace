// Mirrors jenkinsci/jenkins core/src/main/java/hudson/util/ListBoxModel.java at release tag jenkins-2.555.3: only the
// public no-argument constructor and add(String, String), which returns void upstream. The supertypes
// (ArrayList<ListBoxModel.Option>, Stapler's HttpResponse) and Option are left out: the plugin only adds entries.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;

public class ListBoxModel {

    public ListBoxModel() {
    }

    public void add(@NonNull String displayName, @NonNull String value) {
    }
}
