{{/* Short name of the chart, overridable. */}}
{{- define "interdict.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release's objects. Kubernetes names are limited to 63 characters;
the release name is not repeated when it already contains the chart name.
*/}}
{{- define "interdict.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of the management Service (health and metrics), within the same 63 characters. */}}
{{- define "interdict.managementName" -}}
{{- printf "%s-management" (include "interdict.fullname" . | trunc 52 | trimSuffix "-") }}
{{- end }}

{{- define "interdict.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select the pods; never change them in an upgrade (selectors are immutable). */}}
{{- define "interdict.selectorLabels" -}}
app.kubernetes.io/name: {{ include "interdict.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "interdict.commonLabels" -}}
helm.sh/chart: {{ include "interdict.chart" . }}
{{ include "interdict.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: interdict
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "interdict.labels" -}}
{{ include "interdict.commonLabels" . }}
app.kubernetes.io/component: api
{{- end }}

{{/* The management Service (health and metrics) carries these, so that a ServiceMonitor selects it alone. */}}
{{- define "interdict.managementLabels" -}}
{{ include "interdict.commonLabels" . }}
app.kubernetes.io/component: management
{{- end }}

{{/* The DNS Service (zone transfer). */}}
{{- define "interdict.dnsLabels" -}}
{{ include "interdict.commonLabels" . }}
app.kubernetes.io/component: dns
{{- end }}

{{- define "interdict.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "interdict.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The image reference; a digest pins it exactly. */}}
{{- define "interdict.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* Where the mounted key files live inside the container. */}}
{{- define "interdict.signingKeyPath" -}}
/etc/interdict/signing/{{ .Values.signing.privateKeySecret.key }}
{{- end }}

{{/* Fails the render when the kubelet would kill the JVM before it finishes draining. */}}
{{- define "interdict.checkShutdown" -}}
{{- $needed := add .Values.shutdown.preStopSleepSeconds .Values.shutdown.timeoutSeconds }}
{{- if le (int .Values.terminationGracePeriodSeconds) (int $needed) }}
{{- fail (printf "terminationGracePeriodSeconds (%v) must exceed shutdown.preStopSleepSeconds + shutdown.timeoutSeconds (%v)" .Values.terminationGracePeriodSeconds $needed) }}
{{- end }}
{{- end }}
