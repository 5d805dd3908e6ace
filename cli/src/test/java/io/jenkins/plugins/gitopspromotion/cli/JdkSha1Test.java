package io.jenkins.plugins.gitopspromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.util.sha1.SHA1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI's choice of the JDK's SHA-1 for JGit, unless the user named an implementation. */
class JdkSha1Test {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(JdkSha1.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(JdkSha1.PROPERTY);
        } else {
            System.setProperty(JdkSha1.PROPERTY, before);
        }
    }

    @Test
    void jgitHashesWithTheJdksDigestAndGetsGitsIds() {
        System.clearProperty(JdkSha1.PROPERTY);

        JdkSha1.chooseUnlessSet();

        assertThat(SHA1.newInstance().getClass().getSimpleName()).isEqualTo("SHA1Native");
        // `printf 'hello\n' | git hash-object --stdin`
        assertThat(new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, "hello\n".getBytes(StandardCharsets.UTF_8)).name())
                .isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
    }

    @Test
    void anImplementationTheUserNamedStays() {
        System.setProperty(JdkSha1.PROPERTY, "java");

        JdkSha1.chooseUnlessSet();

        assertThat(SHA1.newInstance().getClass().getSimpleName()).isEqualTo("SHA1Java");
    }
}
