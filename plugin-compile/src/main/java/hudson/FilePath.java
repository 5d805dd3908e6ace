// Mirrors jenkinsci/jenkins core/src/main/java/hudson/FilePath.java at release tag jenkins-2.555.3: only getRemote(),
// act(FileCallable) and the nested FileCallable<T> with invoke(File, VirtualChannel). FileCallable's supertype
// RoleSensitive (remoting's checkRoles) is left out: the plugin's callables extend MasterToSlaveFileCallable and never
// call it. A private constructor hides the implicit public one (upstream's take arguments).
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
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
