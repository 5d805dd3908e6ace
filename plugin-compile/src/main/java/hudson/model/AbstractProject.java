// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractProject.java at release tag jenkins-2.555.3: the
// type and its type parameters only, for BuildStepDescriptor.isApplicable(Class<? extends AbstractProject>) ("public
// abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R>
// implements ..."). The supertypes are left out: the plugin only names the raw class. Compile-only declaration, never
// packaged; bodies as plugin-compile/README.md says.
package hudson.model;

public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> {
}
