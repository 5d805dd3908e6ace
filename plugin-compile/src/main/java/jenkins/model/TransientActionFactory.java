// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/model/TransientActionFactory.java (2.555 line): the methods an
// implementing plugin class must see. Checked against the stored copy at commit b0bf5e3aa58740b090ac8489d454142bfe58d909:
// "public abstract class TransientActionFactory<T> implements ExtensionPoint" (T unbounded),
// "public abstract Class<T> type()" and "public abstract @NonNull Collection<? extends Action> createFor(@NonNull T
// target)", and "public Class<? extends Action> actionType() { return Action.class; }" (@since 2.34; also in the stored
// decompiled copy id 47978941571). The nested Cache and the restricted factoriesFor are left out.
// (The older stored copy at commit 0f7b144fd32544a872075d58300a53b9abcca5f4 bounds T by Actionable and uses
// javax.annotation.Nonnull; not the 2.555 form.)
// Compile-only declaration: never packaged, no behaviour.
package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Action;
import java.util.Collection;

public abstract class TransientActionFactory<T> implements ExtensionPoint {

    public abstract Class<T> type();

    public Class<? extends Action> actionType() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public abstract @NonNull Collection<? extends Action> createFor(@NonNull T target);
}
