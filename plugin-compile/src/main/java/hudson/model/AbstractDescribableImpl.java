// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractDescribableImpl.java at release tag
// jenkins-2.555.3: the whole class, empty and @Deprecated(since = "2.505") upstream now that
// Describable.getDescriptor() is a default method; Step still extends it.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
