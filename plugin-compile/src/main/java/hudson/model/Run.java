// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Run.java at release tag jenkins-2.555.3: only the members
// the plugin uses: save(), getPreviousBuild() (@CheckForNull), getFullDisplayName(), getNumber() and getParent()
// (@NonNull); getAction and addAction come from Actionable. The interfaces (ExtensionPoint, Comparable,
// AccessControlled, PersistenceRoot and others) are left out, hence no @Override on getFullDisplayName() and
// getNumber().
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {

    protected Run(@NonNull JobT job) throws IOException {
    }

    public synchronized void save() throws IOException {
    }

    public @CheckForNull RunT getPreviousBuild() {
        return null;
    }

    public String getFullDisplayName() {
        return null;
    }

    public int getNumber() {
        return 0;
    }

    public @CheckForNull <T extends Cause> T getCause(Class<T> type) {
        return null;
    }

    public @NonNull String getUrl() {
        return null;
    }

    public @NonNull JobT getParent() {
        return null;
    }
}
