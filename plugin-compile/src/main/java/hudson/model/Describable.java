// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Describable.java at release tag jenkins-2.555.3: the whole
// interface. getDescriptor() is a default method at this tag, which is why AbstractDescribableImpl is deprecated since
// 2.505.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

public interface Describable<T extends Describable<T>> {

    default Descriptor<T> getDescriptor() {
        return null;
    }
}
