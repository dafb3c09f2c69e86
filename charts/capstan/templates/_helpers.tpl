{# Names and labels shared by every object of the install. #}

{% macro fullname() -%}
{%- if release.name contains chart.name -%}
{{ release.name | trunc(63) | trimSuffix("-") }}
{%- else -%}
{{ (release.name ~ "-" ~ chart.name) | trunc(63) | trimSuffix("-") }}
{%- endif -%}
{%- endmacro %}

{% macro selectorLabels() -%}
app.kubernetes.io/name: {{ chart.name }}
app.kubernetes.io/instance: {{ release.name }}
{%- endmacro %}

{% macro labels() -%}
{{ selectorLabels() }}
app.kubernetes.io/version: {{ chart.appVersion | quote }}
{%- endmacro %}

{% macro watchNamespace() -%}
{{ values.agent.watchNamespace | default(release.namespace) }}
{%- endmacro %}
