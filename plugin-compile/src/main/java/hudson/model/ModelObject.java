// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/ModelObject.java (2.555 line), checked against the stored
// copy at commit 1a176e4294d118371560f91f2775991ead8cf4b1: "public interface ModelObject { String getDisplayName(); }".
// Compile-only declaration: never packaged, no behaviour.
package hudson.model;

public interface ModelObject {

    String getDisplayName();
}
