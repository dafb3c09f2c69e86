{% macro redisName() %}{{ release.name }}-{{ chart.name }}{% endmacro %}
