{% macro owner() %}
{{ values.owner | required('values.owner is required') }}
{% endmacro %}
