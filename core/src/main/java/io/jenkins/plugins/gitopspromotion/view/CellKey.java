package io.jenkins.plugins.gitopspromotion.view;

/** One app in one environment: a cell of the matrix. */
record CellKey(String app, String env) {
}
