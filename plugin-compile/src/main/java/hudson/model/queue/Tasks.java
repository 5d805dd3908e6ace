// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/queue/Tasks.java at release tag jenkins-2.555.3: only the
// members the plugin uses. Checked against the source at that tag: "public static @NonNull Authentication
// getAuthenticationOf2(@NonNull Task t)" (Spring Security Authentication; the older copy at commit
// 9d9f2b9499794c4335c455abbc30e37e6a077ba7 has only the Acegi getAuthenticationOf). Compile-only declaration, never
// packaged; bodies as plugin-compile/README.md says.
package hudson.model.queue;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Queue.Task;
import org.springframework.security.core.Authentication;

public class Tasks {

    public static @NonNull Authentication getAuthenticationOf2(@NonNull Task t) {
        return null;
    }
}
