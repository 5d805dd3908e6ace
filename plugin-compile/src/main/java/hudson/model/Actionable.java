// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Actionable.java at release tag jenkins-2.555.3: only the
// members the plugin uses. Checked against the source at that tag: "public abstract class Actionable extends
// AbstractModelObject implements ModelObjectWithContextMenu", "public <T extends Action> T getAction(Class<T> type)",
// "public void addAction(@NonNull Action a)" (Run overrides it to call RunAction2.onAttached). The supertypes are left
// out: the plugin uses no other member. Compile-only declaration, never packaged; bodies as plugin-compile/README.md
// says.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;

public abstract class Actionable {

    public <T extends Action> T getAction(Class<T> type) {
        return null;
    }

    public void addAction(@NonNull Action a) {
    }

    public <T extends Action> List<T> getActions(Class<T> type) {
        return null;
    }
}
