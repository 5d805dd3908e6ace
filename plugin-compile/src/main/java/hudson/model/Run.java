// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Run.java (2.555 line): only the members the plugin uses.
// Checked against stored copies of the current class: "public abstract class Run<JobT extends Job<JobT, RunT>, RunT
// extends Run<JobT, RunT>> extends Actionable implements ExtensionPoint, Comparable<RunT>, AccessControlled,
// PersistenceRoot, DescriptorByNameOwner, OnMaster, StaplerProxy, HistoricalBuild, WithConsoleUrl" and "@Override public
// synchronized void save() throws IOException"; "public @CheckForNull RunT getPreviousBuild()" was read in the stored copy
// at commit 20dbd5b3df0c1bd6a774ea3b310a6ada48bb47ac, an older one annotated with javax.annotation (core has used the
// SpotBugs annotations since, as here). getAction/addAction come from Actionable.
// The interfaces are left out: the plugin uses none of their members on a Run.
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public @CheckForNull RunT getPreviousBuild() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
