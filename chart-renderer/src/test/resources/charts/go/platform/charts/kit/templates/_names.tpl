{{/* kit.fullname: <release>-<chart>, or the release name alone when it already ends with the chart name. */}}
{{- define "kit.fullname" -}}
{{- if hasSuffix .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "kit.labels" -}}
{{- $labels := dict "app.kubernetes.io/name" .Chart.Name "app.kubernetes.io/instance" .Release.Name "app.kubernetes.io/managed-by" .Release.Service -}}
{{- $labels = merge $labels (.Values.global.labels | default dict) -}}
{{- toYaml $labels -}}
{{- end -}}

{{- define "kit.selector" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* kit.image: a dict with "ctx" (the chart's root) and "image" ({repository, tag}). */}}
{{- define "kit.image" -}}
{{- $registry := .ctx.Values.global.imageRegistry -}}
{{- $tag := .image.tag | default .ctx.Chart.AppVersion -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry .image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .image.repository $tag -}}
{{- end -}}
{{- end -}}
