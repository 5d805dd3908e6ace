package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Jenkins project's CI builds the real plugin: its buildPlugin runs {@code mvn clean install} at the root with
 * options of its own and none of ours, so the root POM must bring the plugin module in by itself inside a Jenkins
 * build, and only there (the default build never reaches the Jenkins artifact repository).
 */
class JenkinsCiTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void insideAJenkinsBuildTheRootReactorBuildsAndTestsThePlugin() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document pom = factory.newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();

        assertThat(xpath.evaluate("/project/modules/module[.='plugin']", pom)).as("plugin/ in the default reactor").isEmpty();
        Element profile = (Element) xpath.evaluate("/project/profiles/profile[modules/module='plugin']", pom, XPathConstants.NODE);
        assertThat(profile).as("a profile with plugin/").isNotNull();
        assertThat(xpath.evaluate("id", profile)).isEqualTo("jenkins");
        assertThat(xpath.evaluate("activation/property/name", profile)).isEqualTo("env.JENKINS_URL");
        assertThat(xpath.evaluate("activation/property/value", profile)).as("any value").isEmpty();

        String jenkinsfile = Files.readString(ROOT.resolve("Jenkinsfile"));
        assertThat(jenkinsfile).contains("buildPlugin(").doesNotContain("-P!jenkins");
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).doesNotContain("JENKINS_URL");
    }
}
