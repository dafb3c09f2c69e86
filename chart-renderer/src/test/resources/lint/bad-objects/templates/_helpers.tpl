{% macro fullname() -%}
{{ release.name }}-{{ chart.name }}-with-a-name-that-is-much-too-long-for-a-service
{%- endmacro %}

{% macro teamLabels() -%}
team: platform-engineering-and-developer-experience-for-the-whole-company
tier: backend
{%- endmacro %}
