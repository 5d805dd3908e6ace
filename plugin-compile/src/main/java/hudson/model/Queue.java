// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Queue.java at release tag jenkins-2.555.3: only the nested
// Queue.Task type, which the plugin tests items against to find a task's authentication. Upstream: "public class Queue
// extends ResourceController implements Saveable" and "public interface Task extends FullyNamedModelObject, SubTask"
// (checked against the source at that tag); the supertypes are left out. Compile-only declaration, never packaged;
// bodies as plugin-compile/README.md says.
package hudson.model;

public class Queue {

    // Upstream has only constructors with arguments; this one only hides the implicit public constructor.
    private Queue() {
    }

    public interface Task {
    }
}
