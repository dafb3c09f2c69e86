package dev.capstan.chart.template;

import java.util.Map;

/**
 * The variables every template and macro of one chart sees, apart from {@code template} (which
 * names the file being rendered). {@code values} must already be sorted ({@link SortedValues}).
 */
public record TemplateGlobals(Map<String, Object> values, Map<String, Object> release, Map<String, Object> chart,
    Map<String, Object> capabilities, FilesApi files) {}
