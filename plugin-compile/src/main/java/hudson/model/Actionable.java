// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Actionable.java at release tag jenkins-2.555.3: only
// getAction(Class) and addAction(Action), which the plugin calls on a Run. The superclass AbstractModelObject and
// ModelObjectWithContextMenu are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
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
