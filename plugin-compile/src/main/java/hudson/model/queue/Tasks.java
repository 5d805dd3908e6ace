// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/queue/Tasks.java (2.555 line): only the members the plugin
// uses. Checked against a stored copy of the current class: "public static @NonNull Authentication
// getAuthenticationOf2(@NonNull Task t)" (Spring Security Authentication; the older copy at commit
// 9d9f2b9499794c4335c455abbc30e37e6a077ba7 has only the Acegi getAuthenticationOf).
// Compile-only declaration: never packaged, no behaviour.
package hudson.model.queue;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Queue.Task;
import org.springframework.security.core.Authentication;

public class Tasks {

    public static @NonNull Authentication getAuthenticationOf2(@NonNull Task t) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
