// Mirrors jenkinsci/jenkins core/src/main/java/hudson/util/ListBoxModel.java (2.555 line): only the members the plugin
// uses. Checked against stored copies of the current class: "public class ListBoxModel extends
// ArrayList<ListBoxModel.Option> implements HttpResponse", "public ListBoxModel()", "public void add(@NonNull String
// displayName, @NonNull String value)" (void, not chaining). The ArrayList supertype and Option are left out: the plugin
// only adds entries; Stapler's HttpResponse is left out too.
// Compile-only declaration: never packaged, no behaviour.
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;

public class ListBoxModel {

    public ListBoxModel() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public void add(@NonNull String displayName, @NonNull String value) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
