// Mirrors jenkinsci/jenkins core/src/main/java/jenkins/scm/RunWithSCM.java at release tag jenkins-2.555.3: only the
// member the plugin uses, getCulpritIds() (@CheckForNull): the ids of those whose changes a build built, kept from
// approving its promotion where duties are separated. getChangeSets() and the defaults are left out.
// Compile-only declaration, never packaged; bodies as plugin-compile/README.md says.
package jenkins.scm;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Set;

public interface RunWithSCM<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT> & RunWithSCM<JobT, RunT>> {

    @CheckForNull
    Set<String> getCulpritIds();
}
