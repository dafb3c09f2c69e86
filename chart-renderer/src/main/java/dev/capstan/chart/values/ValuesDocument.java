package dev.capstan.chart.values;

/**
 * A values file given as text rather than a path, e.g. read from a Git tree; {@code name} is what
 * error messages call it ({@code examples/web/values-prod.yaml}).
 */
public record ValuesDocument(String name, String text) {}
