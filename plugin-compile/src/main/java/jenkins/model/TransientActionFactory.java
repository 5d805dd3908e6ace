// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/model/TransientActionFactory.java at release tag
// jenkins-2.555.3: the abstract type() and createFor(T), and actionType() (@since 2.34), which the plugin overrides.
// The nested Cache and the restricted factoriesFor are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Action;
import java.util.Collection;

public abstract class TransientActionFactory<T> implements ExtensionPoint {

    public abstract Class<T> type();

    public Class<? extends Action> actionType() {
        return null;
    }

    public abstract @NonNull Collection<? extends Action> createFor(@NonNull T target);
}
