// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Job.java (2.555 line): only the members the plugin uses.
// Checked against the stored copy at commit 21cf555f3c7b520bcd4096fc18aa8e50c35706df: "public abstract class
// Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem implements ..." and
// "@Exported @QuickSilver public RunT getLastBuild()" (no nullness annotation; null when there is no build). The
// supertypes are left out: the plugin uses no other member of a Job.
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
