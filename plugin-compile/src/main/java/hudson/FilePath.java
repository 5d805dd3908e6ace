// Mirrors jenkinsci/jenkins core/src/main/java/hudson/FilePath.java at release tag jenkins-2.555.3: only the members
// the plugin uses. Checked against the source at that tag throws IOException, InterruptedException", "public interface
// FileCallable<T> extends Serializable, RoleSensitive" whose Javadoc names ControllerToAgentFileCallable).
// SerializableOnlyOverRemoting and remoting's RoleSensitive (checkRoles) are left out: the plugin's callables inherit
// checkRoles from MasterToSlaveFileCallable and never call it. Compile-only declaration, never packaged; bodies as
// plugin-compile/README.md says.
package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {

    // Upstream has only constructors with arguments; this one only hides the implicit public constructor.
    private FilePath() {
    }

    public String getRemote() {
        return null;
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        return null;
    }

    public interface FileCallable<T> extends Serializable {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
