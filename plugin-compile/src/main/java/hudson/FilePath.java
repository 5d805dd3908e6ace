// Mirrors jenkinsci/jenkins core/src/main/java/hudson/FilePath.java (2.555 line): only the members the plugin uses.
// Checked against the stored current copy ("public final class FilePath implements SerializableOnlyOverRemoting",
// "public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException",
// "public interface FileCallable<T> extends Serializable, RoleSensitive" whose Javadoc names ControllerToAgentFileCallable).
// SerializableOnlyOverRemoting and remoting's RoleSensitive (checkRoles) are left out: the plugin's callables inherit
// checkRoles from MasterToSlaveFileCallable and never call it.
// Compile-only declaration: never packaged, no behaviour.
package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;

public final class FilePath {

    // Upstream has only constructors with arguments; this one only hides the implicit public constructor.
    private FilePath() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public interface FileCallable<T> extends Serializable {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
