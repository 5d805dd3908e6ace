package io.jenkins.plugins.gitopspromotion.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the Jenkins project's hosting checker (jenkins-infra/repository-permissions-updater, {@code MavenVerifier} and
 * {@code RequiredFilesVerifier}) requires of a plugin and its repository, with continuous delivery (JEP-229) enabled,
 * checked here so that it stays true. The checker reads the repository's root POM; here that is the offline reactor, so
 * the POM rules are checked on the plugin's own POM, {@code plugin/pom.xml}, which is what the update center publishes
 * (docs/releasing.md says what to answer for the root).
 */
class HostingTest {

    private static final Path ROOT = Path.of("..");
    private static final String REPOSITORY = "gitops-promotion-plugin";

    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    private static Document pom(String path) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve(path).toFile());
    }

    private static String text(Document pom, String expression) throws Exception {
        return XPATH.evaluate(expression, pom).strip();
    }

    private static Properties properties(Document pom) throws Exception {
        Properties properties = new Properties();
        NodeList nodes = (NodeList) XPATH.evaluate("/project/properties/*", pom, XPathConstants.NODESET);
        for (int i = 0; i < nodes.getLength(); i++) {
            properties.setProperty(nodes.item(i).getNodeName(), nodes.item(i).getTextContent().strip());
        }
        properties.setProperty("project.artifactId", text(pom, "/project/artifactId"));
        return properties;
    }

    /** ${name} replaced by the POM's own properties, as the checker interpolates the url. */
    private static String interpolate(String value, Properties properties) {
        Matcher matcher = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement = properties.getProperty(matcher.group(1));
            assertThat(replacement).as("property %s, used in %s", matcher.group(1), value).isNotNull();
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(result).toString();
    }

    private static List<String> lines(String path) throws IOException {
        return Files.readAllLines(ROOT.resolve(path));
    }

    @Test
    void theLicenseIsMitInTheRepositoryAndInEveryPublishedPom() throws Exception {
        String license = Files.readString(ROOT.resolve("LICENSE"));
        assertThat(license).startsWith("The MIT License")
                .contains("Permission is hereby granted, free of charge, to any person obtaining a copy")
                .contains("THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND");
        for (String path : List.of("plugin/pom.xml", "pom.xml")) {
            Document pom = pom(path);
            assertThat(text(pom, "count(/project/licenses/license)")).as(path).isEqualTo("1");
            assertThat(text(pom, "/project/licenses/license/name")).as(path).isEqualTo("MIT License");
        }
    }

    @Test
    void thePluginPomHasWhatTheHostingCheckerRequires() throws Exception {
        Document pom = pom("plugin/pom.xml");
        Properties properties = properties(pom);
        String groupId = text(pom, "/project/groupId");
        String artifactId = text(pom, "/project/artifactId");

        assertThat(groupId).isEqualTo("io.jenkins.plugins");
        assertThat(artifactId).as("the repository's name without -plugin").isEqualTo(REPOSITORY.replace("-plugin", ""))
                .isLowerCase().doesNotContainIgnoringCase("jenkins").doesNotContainIgnoringCase("plugin");
        assertThat(artifactId.length()).isLessThan(37);
        assertThat(groupId.length() + artifactId.length()).isLessThan(100);
        assertThat(text(pom, "/project/name")).isNotEmpty().doesNotContainIgnoringCase("jenkins");
        assertThat(text(pom, "/project/description")).isNotEmpty();
        assertThat(interpolate(text(pom, "/project/url"), properties)).isEqualTo("https://github.com/jenkinsci/" + artifactId + "-plugin");

        assertThat(interpolate(text(pom, "/project/scm/connection"), properties))
                .isEqualTo("scm:git:https://github.com/jenkinsci/" + REPOSITORY + ".git");
        assertThat(interpolate(text(pom, "/project/scm/developerConnection"), properties)).contains("jenkinsci/" + REPOSITORY);
        assertThat(interpolate(text(pom, "/project/scm/url"), properties)).isEqualTo("https://github.com/jenkinsci/" + REPOSITORY);
        assertThat(text(pom, "/project/scm/tag")).isEqualTo("${scmTag}");
        assertThat(text(pom, "count(/project/developers)")).as("the checker asks for no <developers>: the update site reads"
                + " the maintainers from the repository's permissions").isEqualTo("0");

        assertThat(text(pom, "/project/parent/groupId")).isEqualTo("org.jenkins-ci.plugins");
        assertThat(text(pom, "/project/parent/artifactId")).isEqualTo("plugin");
        Matcher parent = Pattern.compile("(\\d+)\\.(\\d+)\\.v.+").matcher(text(pom, "/project/parent/version"));
        assertThat(parent.matches()).isTrue();
        assertThat(Integer.parseInt(parent.group(1)) * 100_000 + Integer.parseInt(parent.group(2)))
                .as("parent POM at least 6.2211.v27f680c93c53").isGreaterThanOrEqualTo(6 * 100_000 + 2211);

        Matcher baseline = Pattern.compile("2\\.(\\d+)").matcher(properties.getProperty("jenkins.baseline", ""));
        assertThat(baseline.matches()).as("jenkins.baseline").isTrue();
        assertThat(Integer.parseInt(baseline.group(1))).as("a baseline of 2.541.3 or newer").isGreaterThanOrEqualTo(541);
        assertThat(properties.getProperty("jenkins.version")).matches("\\$\\{jenkins\\.baseline}\\.[3-9]");
        assertThat(text(pom, "/project/dependencyManagement/dependencies/dependency[groupId='io.jenkins.tools.bom']/artifactId"))
                .isEqualTo("bom-${jenkins.baseline}.x");
        assertThat(properties).as("the parent POM sets them").doesNotContainKeys("java.level", "maven.compiler.source",
                "maven.compiler.target", "maven.compiler.release");
        assertThat(properties).containsEntry("hpi.strictBundledArtifacts", "true")
                .containsEntry("ban-commons-lang-2.skip", "false")
                .containsEntry("ban-deprecated-stapler.skip", "false")
                .containsEntry("ban-junit4-imports.skip", "false")
                .containsEntry("banObsoleteDependencyOverrides.skip", "false");
        NodeList repositories = (NodeList) XPATH.evaluate("/project/repositories/repository/url | /project/pluginRepositories/pluginRepository/url",
                pom, XPathConstants.NODESET);
        for (int i = 0; i < repositories.getLength(); i++) {
            assertThat(repositories.item(i).getTextContent().strip()).startsWith("https://");
        }
    }

    @Test
    void theRepositoryHasTheFilesTheHostingCheckerRequires() throws Exception {
        assertThat(lines(".github/CODEOWNERS")).contains("* @jenkinsci/" + REPOSITORY + "-developers");
        assertThat(lines(".gitignore")).containsAnyOf("target", "target/", "/target/").containsAnyOf("work", "work/", "/work/");
        assertThat(Files.readString(ROOT.resolve(".github/workflows/jenkins-security-scan.yml")))
                .contains("uses: jenkins-infra/jenkins-security-scan/.github/workflows/jenkins-security-scan.yaml@v2");

        JsonNode renovate = new ObjectMapper().readTree(ROOT.resolve(".github/renovate.json").toFile());
        assertThat(renovate.get("extends").toString()).contains("github>jenkinsci/renovate-config");

        // buildPlugin with configurations of a platform and a JDK the Jenkins project's CI offers (21 and 25).
        String jenkinsfile = Files.readString(ROOT.resolve("Jenkinsfile"));
        assertThat(jenkinsfile).contains("buildPlugin(").contains("configurations:");
        Matcher jdk = Pattern.compile("\\[platform: '[a-z]+', jdk: (\\d+)]").matcher(jenkinsfile);
        List<Integer> jdks = new ArrayList<>();
        while (jdk.find()) {
            jdks.add(Integer.parseInt(jdk.group(1)));
        }
        assertThat(jdks).isNotEmpty().allMatch(version -> version == 21 || version == 25);
    }

    @Test
    void continuousDeliveryIsSetUpAsTheCheckerExpectsWithoutTheJenkinsRepositoryInTheDefaultBuild() throws Exception {
        Document extensions = pom(".mvn/extensions.xml");
        assertThat(text(extensions, "/extensions/extension[artifactId='git-changelist-maven-extension']/groupId"))
                .isEqualTo("io.jenkins.tools.incrementals");
        List<String> config = lines(".mvn/maven.config");
        assertThat(config).contains("-Dchangelist.format=%d.v%s", "-Pmight-produce-incrementals")
                .as("the default build stays offline").noneMatch(line -> line.contains("jenkins") || line.contains("consume-incrementals"));
        assertThat(Files.readString(ROOT.resolve(".github/workflows/cd.yaml")))
                .contains("uses: jenkins-infra/github-reusable-workflows/.github/workflows/maven-cd.yml@v1");
        for (String drafter : List.of(".github/release-drafter.yml", ".github/release-drafter.yaml",
                ".github/workflows/release-drafter.yml", ".github/workflows/release-drafter.yaml")) {
            assertThat(ROOT.resolve(drafter)).as("with CD, release notes are drafted by the cd workflow").doesNotExist();
        }

        Document plugin = pom("plugin/pom.xml");
        Document root = pom("pom.xml");
        assertThat(text(plugin, "/project/version")).isEqualTo("${changelist}");
        assertThat(properties(plugin)).containsEntry("changelist", "999999-SNAPSHOT");
        assertThat(text(root, "/project/version")).as("the engine is released with the plugin").isEqualTo("${changelist}");
        assertThat(properties(root)).containsEntry("changelist", "999999-SNAPSHOT");
        assertThat(text(plugin, "/project/dependencies/dependency[artifactId='gitops-promotion-core' and not(type)]/version"))
                .isEqualTo("${project.version}");

        // The release job runs Maven at the root, outside Jenkins: -Dset.changelist must bring the plugin in.
        Element release = (Element) XPATH.evaluate("/project/profiles/profile[activation/property/name='set.changelist']", root,
                XPathConstants.NODE);
        assertThat(release).as("a profile that -Dset.changelist turns on").isNotNull();
        assertThat(XPATH.evaluate("modules/module", release)).isEqualTo("plugin");
        assertThat(text(root, "count(/project/repositories | /project/pluginRepositories)")).as("the default build uses Maven Central only")
                .isEqualTo("0");
    }
}
