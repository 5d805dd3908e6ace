// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Job.java (2.555 line): the type and its type parameters
// only, which Run's bounds need ("public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
// extends AbstractItem implements ..."). The supertypes are left out: the plugin never holds a Job.
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
}
