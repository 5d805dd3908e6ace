// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractProject.java at release tag jenkins-2.555.3: the
// class and its type parameters only, for BuildStepDescriptor.isApplicable(Class<? extends AbstractProject>). The
// supertypes (Job<P, R> and its interfaces) are left out: the plugin only names the raw class.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> {

    @SuppressWarnings("rawtypes") // upstream's signature
    protected AbstractProject(ItemGroup parent, String name) {
    }
}
