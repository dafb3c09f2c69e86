{# Macros shared by the templates of this chart. A file whose name starts with "_" renders nothing:
   it only defines macros, and every template (and every macro) can call them without an import. #}

{# The chart's name, or values.nameOverride. #}
{% macro name() -%}
{{ values.nameOverride | default(chart.name) | trunc(63) | trimSuffix("-") }}
{%- endmacro %}

{# The name of the release's objects: <release>-<chart>, or just the release name when it already
   contains the chart name, or values.fullnameOverride. At most 63 characters (DNS label). #}
{% macro fullname() -%}
{%- if values.fullnameOverride is not empty -%}
{{ values.fullnameOverride | trunc(63) | trimSuffix("-") }}
{%- else -%}
{%- set base = values.nameOverride | default(chart.name) -%}
{%- if release.name contains base -%}
{{ release.name | trunc(63) | trimSuffix("-") }}
{%- else -%}
{{ (release.name ~ "-" ~ base) | trunc(63) | trimSuffix("-") }}
{%- endif -%}
{%- endif -%}
{%- endmacro %}

{# <chart>-<version>, safe for a label value. #}
{% macro chartLabel() -%}
{{ (chart.name ~ "-" ~ chart.version) | replace({"+": "_"}) | trunc(63) | trimSuffix("-") }}
{%- endmacro %}

{# The labels a Service or Deployment selects pods by: they must never change between upgrades. #}
{% macro selectorLabels() -%}
app.kubernetes.io/name: {{ name() }}
app.kubernetes.io/instance: {{ release.name }}
{%- endmacro %}

{# The recommended labels every object of the release carries. #}
{% macro labels() -%}
capstan.dev/chart: {{ chartLabel() }}
{{ selectorLabels() }}
{%- if chart.appVersion is not empty %}
app.kubernetes.io/version: {{ chart.appVersion | quote }}
{%- endif %}
app.kubernetes.io/managed-by: {{ release.service }}
{%- endmacro %}

{# The ServiceAccount the pods run as. #}
{% macro serviceAccountName() -%}
{%- if values.serviceAccount.create -%}
{{ values.serviceAccount.name | default(fullname()) }}
{%- else -%}
{{ values.serviceAccount.name | default("default") }}
{%- endif -%}
{%- endmacro %}
