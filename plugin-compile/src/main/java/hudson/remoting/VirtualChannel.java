// Mirrors jenkinsci/remoting src/main/java/hudson/remoting/VirtualChannel.java at release tag 3355.v388858a_47b_33: the
// type only, as the second parameter of FileCallable.invoke. Upstream: "public interface VirtualChannel" (stored path
// commit 3ea58fc6d3356698eb8b14210135149b8f1e6018); the plugin calls none of its methods. Compile-only declaration,
// never packaged; bodies as plugin-compile/README.md says.
package hudson.remoting;

public interface VirtualChannel {
}
