{% macro fullname() %}{{ (release.name ~ "-" ~ chart.name) | trunc(63) | trimSuffix("-") }}{% endmacro %}

{% macro labels() -%}
app.kubernetes.io/name: {{ chart.name }}
app.kubernetes.io/instance: {{ release.name }}
app.kubernetes.io/managed-by: {{ release.service }}
helm.sh/chart: {{ chart.name }}-{{ chart.version }}
{%- endmacro %}
