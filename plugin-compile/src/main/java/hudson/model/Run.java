// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Run.java at release tag jenkins-2.555.3: only the members
// the plugin uses. Checked against the source at that tag: "public abstract class Run<JobT extends Job<JobT, RunT>,
// RunT extends Run<JobT, RunT>> extends Actionable implements ExtensionPoint, Comparable<RunT>, AccessControlled,
// PersistenceRoot, DescriptorByNameOwner, OnMaster, StaplerProxy, HistoricalBuild, WithConsoleUrl" and "@Override
// public synchronized void save() throws IOException"; "public @CheckForNull RunT getPreviousBuild()" was read there,
// an older one annotated with javax.annotation (core has used the SpotBugs annotations since, as here).
// getAction/addAction come from Actionable. The interfaces are left out: the plugin uses none of their members on a
// Run. Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {

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

    public @NonNull JobT getParent() {
        return null;
    }
}
