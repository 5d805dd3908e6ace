// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Queue.java at release tag jenkins-2.555.3: only the nested
// interface Task, which the plugin tests an item against to find a task's authentication. The supertypes of both
// (ResourceController and Saveable; FullyNamedModelObject and SubTask) and their members are left out. A private
// constructor hides the implicit public one (upstream's takes a LoadBalancer).
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

public class Queue {

    // Upstream has only constructors with arguments; this one only hides the implicit public constructor.
    private Queue() {
    }

    public interface Task {
    }
}
