// Mirrors jenkinsci/remoting src/main/java/hudson/remoting/VirtualChannel.java (the remoting version Jenkins 2.555
// bundles): the type only, as the second parameter of FileCallable.invoke. Upstream: "public interface VirtualChannel"
// (stored path commit 3ea58fc6d3356698eb8b14210135149b8f1e6018); the plugin calls none of its methods.
// Compile-only declaration: never packaged, no behaviour.
package hudson.remoting;

public interface VirtualChannel {
}
