// Mirrors jenkinsci/jenkins core/src/main/java/hudson/util/ListBoxModel.java at release tag jenkins-2.555.3: only the
// members the plugin uses. Checked against the source at that tag: "public class ListBoxModel extends
// ArrayList<ListBoxModel.Option> implements HttpResponse", "public ListBoxModel()", "public void add(@NonNull String
// displayName, @NonNull String value)" (void, not chaining). The ArrayList supertype and Option are left out: the
// plugin only adds entries; Stapler's HttpResponse is left out too. Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;

public class ListBoxModel {

    public ListBoxModel() {
    }

    public void add(@NonNull String displayName, @NonNull String value) {
    }
}
