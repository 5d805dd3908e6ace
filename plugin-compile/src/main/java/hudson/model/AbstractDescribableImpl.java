// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractDescribableImpl.java at release tag
// jenkins-2.555.3: . Since 2.505 upstream declares it "@Deprecated(since = \"2.505\") public abstract class
// AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {}" with an empty body,
// because Describable.getDescriptor() became a default method. The only stored jenkinsci/jenkins copy is the older form
// with its own getDescriptor(); the 2.505 form is taken from a source walk-through of current core quoting this file
// (see Describable.java here). Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
