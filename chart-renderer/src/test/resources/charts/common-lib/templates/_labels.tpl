{% macro commonLabels(component) -%}
app.kubernetes.io/part-of: {{ release.name }}
app.kubernetes.io/component: {{ component }}
environment: {{ values.global.env | default("none") }}
{%- endmacro %}
{% macro resourceName(suffix) %}{{ release.name }}-{{ suffix | kebabcase }}{% endmacro %}
