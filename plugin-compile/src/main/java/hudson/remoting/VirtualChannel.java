// Mirrors jenkinsci/remoting src/main/java/hudson/remoting/VirtualChannel.java at release tag 3355.v388858a_47b_33: the
// type only, the second parameter of FileCallable.invoke; its methods, which the plugin does not call, are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.remoting;

public interface VirtualChannel {
}
