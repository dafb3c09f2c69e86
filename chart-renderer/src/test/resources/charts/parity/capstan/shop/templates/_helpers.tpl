{% macro fullname() %}{{ (release.name ~ "-" ~ (values.nameOverride | default(chart.name))) | trunc(63) | trimSuffix("-") }}{% endmacro %}

{% macro selectorLabels() -%}
app.kubernetes.io/name: {{ chart.name }}
app.kubernetes.io/instance: {{ release.name }}
{%- endmacro %}

{% macro labels() -%}
helm.sh/chart: {{ chart.name }}-{{ chart.version }}
{{ selectorLabels() }}
app.kubernetes.io/version: {{ chart.appVersion | quote }}
{%- endmacro %}
