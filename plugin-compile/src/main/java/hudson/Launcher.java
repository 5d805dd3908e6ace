// Mirrors jenkinsci/jenkins core/src/main/java/hudson/Launcher.java (2.555 line): the type only; the plugin receives a
// Launcher in SimpleBuildStep.perform and calls nothing on it yet. Upstream: "public abstract class Launcher"
// (stored path commit 372abbd8b97ada67657b27100098950ab72f53f9).
// Compile-only declaration: never packaged, no behaviour.
package hudson;

public abstract class Launcher {
}
