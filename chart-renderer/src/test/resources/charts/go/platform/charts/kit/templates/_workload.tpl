{{/*
kit.deployment renders a whole Deployment from a dict:
  ctx       the calling chart's root context
  component a name suffix (may be empty)
  replicas  the replica count
  image     {repository, tag}
  port      the container port
  env       a map of variables (optional)
  overrides a map merged over the result (optional)
*/}}
{{- define "kit.deployment" -}}
{{- $ctx := .ctx -}}
{{- $name := include "kit.fullname" $ctx -}}
{{- if .component }}{{ $name = printf "%s-%s" $name .component }}{{ end -}}
{{- $base := include "kit.deployment.base" (merge (dict "name" $name) .) | fromYaml -}}
{{- toYaml (mergeOverwrite $base (.overrides | default dict)) -}}
{{- end -}}

{{- define "kit.deployment.base" -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .name }}
  labels:
    {{- include "kit.labels" .ctx | nindent 4 }}
spec:
  replicas: {{ .replicas }}
  selector:
    matchLabels:
      {{- include "kit.selector" .ctx | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "kit.selector" .ctx | nindent 8 }}
    spec:
      containers:
        - name: {{ .ctx.Chart.Name }}
          image: {{ include "kit.image" (dict "ctx" .ctx "image" .image) }}
          ports:
            - containerPort: {{ .port }}
          {{- with .env }}
          env:
            {{- range $k, $v := . }}
            - name: {{ $k }}
              value: {{ $v | quote }}
            {{- end }}
          {{- end }}
{{- end -}}

{{- define "kit.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "kit.fullname" .ctx }}
  labels:
    {{- include "kit.labels" .ctx | nindent 4 }}
spec:
  ports:
    - port: {{ .port }}
      targetPort: {{ .targetPort | default .port }}
  selector:
    {{- include "kit.selector" .ctx | nindent 4 }}
{{- end -}}
