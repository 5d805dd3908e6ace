// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractBuild.java at release tag jenkins-2.555.3: the
// class and its type parameters only, which AbstractProject's bounds need. The supertypes (Run<P, R> and its
// interfaces) and the protected constructors are left out: the plugin never holds an AbstractBuild.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

import java.io.IOException;

public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> {

    protected AbstractBuild(P job) throws IOException {
    }
}
