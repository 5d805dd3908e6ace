// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Job.java at release tag jenkins-2.555.3: only
// getLastBuild() and getBuildByNumber(int), which have no nullness annotation upstream (they are null when there is
// no such build). The interfaces
// (ExtensionPoint, StaplerOverridable, ModelObjectWithChildren, HasWidgets) are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {

    @SuppressWarnings("rawtypes") // upstream's signature
    protected Job(ItemGroup parent, String name) {
        super(parent, name);
    }

    public RunT getLastBuild() {
        return null;
    }

    public RunT getBuildByNumber(int n) {
        return null;
    }
}
