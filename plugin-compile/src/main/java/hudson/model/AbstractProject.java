// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractProject.java (2.555 line): the type and its type
// parameters only, for BuildStepDescriptor.isApplicable(Class<? extends AbstractProject>) ("public abstract class
// AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R> implements ...").
// The supertypes are left out: the plugin only names the raw class.
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> {
}
