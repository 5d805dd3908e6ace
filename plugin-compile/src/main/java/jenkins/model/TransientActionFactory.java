// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/model/TransientActionFactory.java at release tag
// jenkins-2.555.3: the methods an implementing plugin class must see. Checked against the source at that tag: "public
// abstract class TransientActionFactory<T> implements ExtensionPoint" (T unbounded), "public abstract Class<T> type()"
// and "public abstract @NonNull Collection<? extends Action> createFor(@NonNull T target)", and "public Class<? extends
// Action> actionType() { return Action.class; }" (@since 2.34; also in the stored decompiled copy id 47978941571). The
// nested Cache and the restricted factoriesFor are left out. (The older the source at that tag bounds T by Actionable
// and uses javax.annotation.Nonnull; not the 2.555 form.) Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
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
