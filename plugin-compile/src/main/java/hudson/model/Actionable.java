// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Actionable.java (2.555 line): only the members the plugin
// uses. Checked against stored copies of the current class: "public abstract class Actionable extends
// AbstractModelObject implements ModelObjectWithContextMenu", "public <T extends Action> T getAction(Class<T> type)",
// "public void addAction(@NonNull Action a)" (Run overrides it to call RunAction2.onAttached). The supertypes are left
// out: the plugin uses no other member.
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class Actionable {

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
