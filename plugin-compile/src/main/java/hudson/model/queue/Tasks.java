// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/queue/Tasks.java at release tag jenkins-2.555.3: only
// getAuthenticationOf2(Task) (@since 2.266; Spring Security's Authentication).
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model.queue;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Queue.Task;
import org.springframework.security.core.Authentication;

public class Tasks {

    public static @NonNull Authentication getAuthenticationOf2(@NonNull Task t) {
        return null;
    }
}
