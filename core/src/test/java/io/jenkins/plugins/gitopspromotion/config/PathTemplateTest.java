package io.jenkins.plugins.gitopspromotion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathTemplateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "apps/{app}/overlays/{env}   | apps/web/overlays/prod",
        "charts/{app}                | charts/web",
        "{env}/{app}                 | prod/web",
        "clusters/{env}-eu/{app}.d   | clusters/prod-eu/web.d",
        "values-{env}.yaml           | values-prod.yaml",
        "apps/{app}/overlays/{env}/  | apps/web/overlays/prod",
        "static/path                 | static/path",
        ".hidden/{app}               | .hidden/web",
        "a b/{app}                   | a b/web",
    })
    void expands(String template, String expanded) {
        assertThat(PathTemplate.parse(template).expand("web", "prod")).isEqualTo(expanded);
    }

    @Test
    void keepsTheTextAsWritten() {
        PathTemplate template = PathTemplate.parse("apps/{app}/");
        assertThat(template).hasToString("apps/{app}/");
        assertThat(template.normalized()).isEqualTo("apps/{app}");
        assertThat(template).isEqualTo(PathTemplate.parse("apps/{app}"));
        assertThat(template.usesApp()).isTrue();
        assertThat(template.usesEnv()).isFalse();
        assertThat(PathTemplate.parse("x/{env}").usesEnv()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "apps/{application}/x | has the unknown placeholder '{application}'; the placeholders are {app} and {env}",
        "apps/{APP}           | has the unknown placeholder '{APP}'",
        "apps/{}              | has the unknown placeholder '{}'",
        "apps/{app            | has a '{' without '}' at index 5",
        "apps/{{app}}         | has a '{' without '}' at index 5",
        "apps/app}            | has a '}' without '{' at index 8",
        "/apps/{app}          | is absolute; paths are relative to the repository root",
        "/                    | is absolute",
        "C:/apps              | is absolute",
        "c:apps               | is absolute",
        "C:\\apps             | contains '\\'; separate folders with '/'",
        "\\\\server\\share    | contains '\\'",
        "apps\\{app}          | contains '\\'",
        "apps/../secrets      | has a '..' segment",
        "..                   | has a '..' segment",
        "./apps               | has a '.' segment",
        "apps/./{app}         | has a '.' segment",
        "apps//{app}          | has an empty segment ('//')",
        "apps/{app}//         | has an empty segment ('//')",
        ".git/config          | points into '.git'",
    })
    void refuses(String template, String problem) {
        assertThatThrownBy(() -> PathTemplate.parse(template))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("path '")
                .hasMessageContaining(problem);
    }

    @Test
    void refusesEmptyWhitespaceAndControlCharacters() {
        assertThatThrownBy(() -> PathTemplate.parse("")).hasMessage("a path must not be empty");
        assertThatThrownBy(() -> PathTemplate.parse(null)).hasMessage("a path must not be empty");
        assertThatThrownBy(() -> PathTemplate.parse(" apps")).hasMessage("path ' apps' starts or ends with whitespace");
        assertThatThrownBy(() -> PathTemplate.parse("apps\n/x")).hasMessage("path 'apps\\n/x' contains a control character");
    }

    @Test
    void expandRefusesNamesThatCouldLeaveThePath() {
        PathTemplate template = PathTemplate.parse("apps/{app}/overlays/{env}");
        assertThatThrownBy(() -> template.expand("..", "dev")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("app '..' is not a valid name");
        assertThatThrownBy(() -> template.expand("web", "a/b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("environment 'a/b' is not a valid name");
    }
}
