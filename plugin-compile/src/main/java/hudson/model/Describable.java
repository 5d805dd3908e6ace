// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Describable.java (2.555 line).
// Since 2.505 getDescriptor() is a default method (looking up the nested descriptor marked @Extension), which is why
// AbstractDescribableImpl is deprecated since 2.505. The only stored jenkinsci/jenkins copy (commit
// 20fbd0ca97c4194fbc2357c4a8b021fed65c717b) still has the abstract method; the default form is taken from a source
// walk-through of current core that quotes this file and AbstractDescribableImpl's @Deprecated(since = "2.505").
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

public interface Describable<T extends Describable<T>> {

    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
