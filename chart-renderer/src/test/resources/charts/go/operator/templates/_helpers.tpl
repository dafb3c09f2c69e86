{{- define "operator.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "operator.labels" -}}
app.kubernetes.io/name: {{ include "operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | trimPrefix "v" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "operator.args" -}}
{{- $args := list (printf "--log-level=%s" .Values.logLevel) (printf "--metrics-port=%d" (int .Values.metrics.port)) -}}
{{- if .Values.leaderElection -}}
{{- $args = append $args "--leader-elect" -}}
{{- end -}}
{{- with .Values.watchNamespaces -}}
{{- $args = append $args (printf "--namespaces=%s" (join "," .)) -}}
{{- end -}}
{{- toYaml $args -}}
{{- end -}}

{{/* The PodDisruptionBudget API by Kubernetes version. */}}
{{- define "operator.pdbApi" -}}
{{- ternary "policy/v1" "policy/v1beta1" (semverCompare ">=1.21-0" .Capabilities.KubeVersion.GitVersion) -}}
{{- end -}}
