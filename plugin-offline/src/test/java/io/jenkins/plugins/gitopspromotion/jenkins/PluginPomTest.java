package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The real plugin's POM leaves out of the .hpi only the engine's libraries that Jenkins provides at run time: each
 * excluded group is in Jenkins core or in a library plugin the plugin depends on (checked against jenkins-2.555.3's
 * core/pom.xml and the BOM 6916.v15ec97679743), or the plugin would fail to load classes on a real install.
 */
class PluginPomTest {

    private static final String CORE = "Jenkins core";

    /** Who provides each library group at run time: Jenkins core, or the library plugin that bundles it. */
    private static final Map<String, String> PROVIDED_BY = Map.ofEntries(
            Map.entry("org.eclipse.jgit", "git-client"),
            Map.entry("com.googlecode.javaewah", "git-client"),
            Map.entry("org.apache.sshd", "git-client"),
            Map.entry("com.fasterxml.jackson.core", "jackson2-api"),
            Map.entry("com.fasterxml.jackson.datatype", "jackson2-api"),
            Map.entry("org.bouncycastle", "bouncycastle-api"),
            Map.entry("com.google.code.gson", "gson-api"),
            Map.entry("org.apache.httpcomponents", "apache-httpcomponents-client-4-api"),
            Map.entry("org.apache.commons", "commons-lang3-api"),
            Map.entry("org.ow2.asm", "asm-api"),
            Map.entry("org.slf4j", CORE),
            Map.entry("com.google.guava", CORE),
            Map.entry("com.google.code.findbugs", CORE),
            Map.entry("com.google.errorprone", CORE),
            Map.entry("com.google.j2objc", CORE),
            Map.entry("org.checkerframework", CORE),
            Map.entry("commons-codec", CORE),
            Map.entry("commons-io", CORE));

    @Test
    void everyLibraryLeftOutOfTheHpiIsProvidedByJenkinsOrALibraryPluginItDependsOn() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("../plugin/pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        NodeList excluded = (NodeList) xpath.evaluate(
                "/project/dependencies/dependency[artifactId='gitops-promotion-core' and not(type)]/exclusions/exclusion/groupId", pom,
                XPathConstants.NODESET);
        List<String> dependencies = new ArrayList<>();
        NodeList artifacts = (NodeList) xpath.evaluate("/project/dependencies/dependency[not(scope)]/artifactId", pom, XPathConstants.NODESET);
        for (int i = 0; i < artifacts.getLength(); i++) {
            dependencies.add(artifacts.item(i).getTextContent().strip());
        }

        assertThat(excluded.getLength()).isGreaterThan(10);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < excluded.getLength(); i++) {
            String group = ((Element) excluded.item(i)).getTextContent().strip();
            String provider = PROVIDED_BY.get(group);
            if (provider == null) {
                problems.add(group + " is left out of the .hpi, but nothing here says who provides it");
            } else if (!provider.equals(CORE) && !dependencies.contains(provider)) {
                problems.add(group + " is left out of the .hpi, but the plugin does not depend on " + provider + ", which provides it");
            }
        }
        assertThat(problems).isEmpty();
    }
}
