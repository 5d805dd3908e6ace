// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Queue.java (2.555 line): only the nested Queue.Task type,
// which the plugin tests items against to find a task's authentication. Upstream: "public class Queue extends
// ResourceController implements Saveable" and "public interface Task extends FullyNamedModelObject, SubTask" (checked
// against stored copies of the current class); the supertypes are left out.
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

public class Queue {

    // Upstream has only constructors with arguments; this one only hides the implicit public constructor.
    private Queue() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public interface Task {
    }
}
