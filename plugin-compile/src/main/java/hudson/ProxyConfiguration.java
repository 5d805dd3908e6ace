// Mirrors jenkinsci/jenkins core/src/main/java/hudson/ProxyConfiguration.java at release tag jenkins-2.555.3: only
// getName(), getPort(), getUserName(), getSecretPassword() and getNoProxyHost(), what the plugin hands its Git and API
// connections (Manage Jenkins » System » HTTP Proxy Configuration). Upstream: "public final class ProxyConfiguration
// implements Describable<ProxyConfiguration>, Saveable, Serializable"; of the interfaces only Serializable is kept. A
// private constructor hides the implicit public one (upstream's are public and take arguments).
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson;

import hudson.util.Secret;
import java.io.Serializable;

public final class ProxyConfiguration implements Serializable {

    private static final long serialVersionUID = 1L;

    // Upstream has only public constructors with arguments; this one only hides the implicit public constructor.
    private ProxyConfiguration() {
    }

    public String getUserName() {
        return null;
    }

    public Secret getSecretPassword() {
        return null;
    }

    public int getPort() {
        return 0;
    }

    public String getName() {
        return null;
    }

    public String getNoProxyHost() {
        return null;
    }
}
