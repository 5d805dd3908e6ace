// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Job.java at release tag jenkins-2.555.3: only the members
// the plugin uses. Checked against the source at that tag: "public abstract class Job<JobT extends Job<JobT, RunT>,
// RunT extends Run<JobT, RunT>> extends AbstractItem implements ..." and "@Exported @QuickSilver public RunT
// getLastBuild()" (no nullness annotation; null when there is no build). The supertypes are left out: the plugin uses
// no other member of a Job. Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {

    public RunT getLastBuild() {
        return null;
    }
}
