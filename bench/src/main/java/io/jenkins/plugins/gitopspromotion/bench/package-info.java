/**
 * Benchmarks: each class with a {@code main} generates its repository, runs its subject and a baseline in the same
 * process or script, and prints medians and ratios. Run them from the shaded jar
 * ({@code java -cp bench/target/gitops-promotion-bench.jar io.jenkins.plugins.gitopspromotion.bench.NAME}).
 */
package io.jenkins.plugins.gitopspromotion.bench;
