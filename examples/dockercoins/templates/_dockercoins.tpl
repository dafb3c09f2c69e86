{# Macros shared by the DockerCoins templates (files starting with "_" only define macros). #}

{# Labels a component's pods are selected by; stable across upgrades. #}
{% macro selectorLabels(component) -%}
app.kubernetes.io/name: {{ component }}
app.kubernetes.io/instance: {{ release.name }}
{%- endmacro %}

{# Labels every object of a component carries. #}
{% macro labels(component) -%}
{{ selectorLabels(component) }}
app.kubernetes.io/part-of: {{ chart.name }}
app.kubernetes.io/version: {{ values.images.tag | quote }}
app.kubernetes.io/managed-by: {{ release.service }}
{%- endmacro %}

{# The image of a dockercoins component: <registry>/<component>:<tag>. #}
{% macro image(component) -%}
{{ values.images.registry }}/{{ component }}:{{ values.images.tag }}
{%- endmacro %}

{# The Deployment strategy every component shares, from values.rollingUpdate. #}
{% macro rollingUpdate() -%}
strategy:
  type: RollingUpdate
  rollingUpdate:
    maxSurge: {{ values.rollingUpdate.maxSurge }}
    maxUnavailable: {{ values.rollingUpdate.maxUnavailable }}
{%- endmacro %}

{# redis.conf, one "key value" line per entry of values.redis.config (sorted by key); callers trim
   the leading newline. #}
{% macro redisConf() -%}
{%- for entry in values.redis.config %}
{{ entry.key }} {{ entry.value }}
{%- endfor %}
{%- endmacro %}
