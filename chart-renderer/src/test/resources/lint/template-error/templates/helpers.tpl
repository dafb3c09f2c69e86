{% macro unused() %}not a macro file: the name lacks the leading underscore{% endmacro %}
