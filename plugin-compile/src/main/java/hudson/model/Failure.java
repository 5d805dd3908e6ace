// Mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Failure.java at release tag jenkins-2.555.3: the type and
// "public Failure(String message)": an error Jenkins shows as a page with the message and no stack trace. Stapler's
// HttpResponse and the other members are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package hudson.model;

public class Failure extends RuntimeException {

    public Failure(String message) {
        super(message);
    }
}
