// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/AbstractDescribableImpl.java (2.555 line).
// Since 2.505 upstream declares it "@Deprecated(since = \"2.505\") public abstract class AbstractDescribableImpl<T extends
// AbstractDescribableImpl<T>> implements Describable<T> {}" with an empty body, because Describable.getDescriptor() became
// a default method. The only stored jenkinsci/jenkins copy (commit 03f4c9abf31313b896b6d4dba6fb14d8c4ef281f) is the
// older form with its own getDescriptor(); the 2.505 form is taken from a source walk-through of current core quoting
// this file (see Describable.java here).
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
