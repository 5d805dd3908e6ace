package io.jenkins.plugins.gitopspromotion.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cloud and Git-host tokens recognised by the formats their issuers document. Only formats with a fixed,
 * documented shape are here: a prefix or signature that ordinary text does not contain, so a match is a token
 * and not a guess. Each pattern is bounded on both sides, so that a token is not found inside a longer word.
 *
 * <p>Not covered, for want of a documented fixed format: Bitbucket app passwords and Atlassian API tokens,
 * Azure DevOps PATs of the older 52-character base32 format, and AWS secret access keys (40 characters of
 * base64 with nothing to tell them from other base64: the high-entropy check finds them under their usual keys).
 */
final class TokenFormats {

    /** A token format: who issues it and its shape. */
    record Format(String name, Pattern pattern) {
    }

    /** A token found in a text: its format and where it is. */
    record Match(Format format, int start, int end, String value) {
    }

    static final List<Format> FORMATS = List.of(
            // GitHub: "ghp_ for Personal Access Tokens, gho_ for OAuth Access tokens, ghu_ for GitHub App
            // user-to-server tokens, ghs_ for GitHub App server-to-server tokens, ghr_ for GitHub App refresh
            // tokens", character set [A-Za-z0-9_] after the prefix, 40 characters today but "plan to support
            // tokens up to 255 characters" (GitHub changelog 2021-03-31, "Authentication token format updates are
            // generally available"; GitHub blog "Behind GitHub's new authentication token formats": base62 with a
            // CRC32 checksum in the last six characters).
            new Format("GitHub token", Pattern.compile("(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])")),
            // GitHub fine-grained personal access tokens start with github_pat_ (GitHub Docs, "Managing your
            // personal access tokens"); observed as 22 + '_' + 59 base62 characters, matched loosely here in
            // case the length grows like the classic tokens'.
            new Format("GitHub fine-grained token",
                    Pattern.compile("(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{36,244}(?![A-Za-z0-9_])")),
            // GitLab: prefixes of the "Token prefixes" table of docs.gitlab.com/security/tokens (personal, project
            // and group access tokens glpat-, OAuth application secrets gloas-, deploy tokens gldt-, runner
            // authentication tokens glrt-, pipeline trigger tokens glptt-, feed tokens glft-, incoming mail tokens
            // glimt-, CI/CD job tokens glcbt-, SCIM tokens glsoat-, agent tokens glagent-): 20 URL-safe base64
            // characters, or, for routable tokens (GitLab handbook, "Routable tokens"), a payload of 27 to 300
            // characters, '.', two version characters, optionally '.' and two more, and a 7-character CRC32.
            new Format("GitLab token", Pattern.compile("(?<![A-Za-z0-9_-])gl(?:pat|oas|dt|rt|ptt|ft|imt|cbt|soat|agent)-"
                    + "[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{2}(?:\\.[0-9a-z]{2})?[0-9a-z]{7})?(?![A-Za-z0-9_.-])")),
            // AWS: "Access key IDs beginning with AKIA are long-term credentials for an IAM user or the AWS account
            // root user. Access key IDs beginning with ASIA are temporary credentials that are created using AWS
            // STS" (AWS STS API reference, GetAccessKeyInfo); ABIA is the prefix of STS service bearer tokens (IAM
            // User Guide, "IAM identifiers", unique ID prefixes). 20 characters: the prefix and 16 of [A-Z0-9].
            new Format("AWS access key id", Pattern.compile("(?<![A-Za-z0-9])A(?:KIA|SIA|BIA)[A-Z0-9]{16}(?![A-Za-z0-9])")),
            // Google API keys: 39 characters, the case-sensitive prefix AIza and 35 of [A-Za-z0-9_-] (Microsoft
            // Purview sensitive information type "Google API key"; Google Cloud, "Manage API keys").
            new Format("Google API key", Pattern.compile("(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])")),
            // Slack: bot tokens begin with xoxb-, user tokens xoxp-, app-level tokens xapp-, configuration tokens
            // xoxe.xoxp- (Slack API, "Token types"); xoxa- and xoxr- are the workspace-app and refresh tokens of
            // the older generation.
            new Format("Slack token", Pattern.compile("(?<![A-Za-z0-9.-])(?:xox[abpr]|xoxe\\.xox[bp]|xapp)-[0-9A-Za-z-]{10,}")),
            // npm: "access tokens now start with an identifiable prefix: npm" and an underscore, the last six
            // characters a base62 CRC32 (GitHub blog, "Announcing npm's new access token format", 2021-09-23):
            // npm_ and 36 base62 characters.
            new Format("npm access token", Pattern.compile("(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])")),
            // Azure DevOps personal access tokens of the current format: 84 characters of [A-Za-z0-9] with the
            // fixed signature AZDO at positions 77 to 80 (Microsoft Purview sensitive information type "Azure
            // DevOps personal access token"; Azure DevOps release notes, Sprint 241: tokens grew from 52 to 84
            // characters).
            new Format("Azure DevOps personal access token",
                    Pattern.compile("(?<![A-Za-z0-9])[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}(?![A-Za-z0-9])")));

    private TokenFormats() {
    }

    /** Every token in a text, in order of position. */
    static List<Match> find(String text) {
        List<Match> found = new ArrayList<>();
        for (Format format : FORMATS) {
            Matcher matcher = format.pattern().matcher(text);
            while (matcher.find()) {
                found.add(new Match(format, matcher.start(), matcher.end(), matcher.group()));
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /** Whether a value contains a token. */
    static boolean containsToken(String value) {
        return FORMATS.stream().anyMatch(f -> f.pattern().matcher(value).find());
    }
}
