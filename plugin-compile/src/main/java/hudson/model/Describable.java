// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Describable.java at release tag jenkins-2.555.3: . Since
// 2.505 getDescriptor() is a default method (looking up the nested descriptor marked @Extension), which is why
// AbstractDescribableImpl is deprecated since 2.505. The only stored jenkinsci/jenkins copy still has the abstract
// method; the default form is taken from a source walk-through of current core that quotes this file and
// AbstractDescribableImpl's @Deprecated(since = "2.505"). Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package hudson.model;

public interface Describable<T extends Describable<T>> {

    default Descriptor<T> getDescriptor() {
        return null;
    }
}
