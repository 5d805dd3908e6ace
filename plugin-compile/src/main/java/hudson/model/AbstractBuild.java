// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractBuild.java (2.555 line): the type and its type
// parameters only, which AbstractProject's bounds need ("public abstract class AbstractBuild<P extends
// AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> implements ..."). The supertypes are left out:
// the plugin never holds an AbstractBuild.
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> {
}
