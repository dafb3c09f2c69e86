{% macro fullname() -%}
{{ release.name }}-{{ chart.name }}-with-a-name-that-is-much-too-long-for-a-service
{%- endmacro %}
