{{/* Names */}}

{{- define "mediawerk.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "mediawerk.fullname" -}}
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

{{/* Name of a role's objects; argument: dict "root" $ "role" "api" */}}
{{- define "mediawerk.roleName" -}}
{{- printf "%s-%s" (include "mediawerk.fullname" .root | trunc 52) .role }}
{{- end }}

{{- define "mediawerk.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "mediawerk.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{- define "mediawerk.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- .Values.serviceAccount.name | default (include "mediawerk.fullname" .) }}
{{- else }}
{{- .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Labels */}}

{{- define "mediawerk.selectorLabels" -}}
app.kubernetes.io/name: {{ include "mediawerk.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "mediawerk.labels" -}}
helm.sh/chart: {{ include "mediawerk.chart" . }}
{{ include "mediawerk.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: mediawerk
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Argument: dict "root" $ "role" "api" */}}
{{- define "mediawerk.roleSelectorLabels" -}}
{{ include "mediawerk.selectorLabels" .root }}
app.kubernetes.io/component: {{ .role }}
{{- end }}

{{- define "mediawerk.roleLabels" -}}
{{ include "mediawerk.labels" .root }}
app.kubernetes.io/component: {{ .role }}
{{- end }}

{{/* Secrets: where each secret env var comes from (an existing Secret or the chart's own) */}}

{{- define "mediawerk.database.secretName" -}}
{{- .Values.database.existingSecret.name | default (include "mediawerk.fullname" .) }}
{{- end }}

{{- define "mediawerk.s3.secretName" -}}
{{- .Values.s3.credentials.existingSecret.name | default (include "mediawerk.fullname" .) }}
{{- end }}

{{- define "mediawerk.app.secretName" -}}
{{- .Values.appSecrets.existingSecret.name | default (include "mediawerk.fullname" .) }}
{{- end }}

{{/* Key names, the same in an existing Secret (unless set in values) and in the chart's Secret */}}
{{- define "mediawerk.secretKeys" -}}
databaseUsername: {{ .Values.database.existingSecret.keys.username | default "username" }}
databasePassword: {{ .Values.database.existingSecret.keys.password | default "password" }}
s3AccessKeyId: {{ .Values.s3.credentials.existingSecret.keys.accessKeyId | default "access-key-id" }}
s3SecretAccessKey: {{ .Values.s3.credentials.existingSecret.keys.secretAccessKey | default "secret-access-key" }}
signingSecret: {{ .Values.appSecrets.existingSecret.keys.signingSecret | default "signing-secret" }}
adminKey: {{ .Values.appSecrets.existingSecret.keys.adminKey | default "admin-key" }}
{{- end }}

{{- define "mediawerk.s3.static" -}}
{{- if eq .Values.s3.credentials.type "static" }}true{{ end }}
{{- end }}

{{/* Whether the chart makes its own Secret: some group has no existing Secret */}}
{{- define "mediawerk.ownSecret" -}}
{{- if or (not .Values.database.existingSecret.name) (not .Values.appSecrets.existingSecret.name) (and (include "mediawerk.s3.static" .) (not .Values.s3.credentials.existingSecret.name)) }}true{{ end }}
{{- end }}

{{/* Fails rendering when a required setting or secret is missing */}}
{{- define "mediawerk.checkValues" -}}
{{- if not .Values.publicBaseUrl }}
{{- fail "mediawerk: publicBaseUrl is required (the URL clients use, e.g. https://media-api.example.com)" }}
{{- end }}
{{- if not .Values.database.url }}
{{- fail "mediawerk: database.url is required (e.g. postgresql://db:5432/mediawerk)" }}
{{- end }}
{{- if not .Values.kafka.bootstrapServers }}
{{- fail "mediawerk: kafka.bootstrapServers is required (e.g. kafka-0.kafka:9092)" }}
{{- end }}
{{- if and (not .Values.database.existingSecret.name) (not (and .Values.database.username .Values.database.password)) }}
{{- fail "mediawerk: no database credentials: set database.existingSecret.name (a Secret with keys username and password) or give database.username and database.password at install (--set)" }}
{{- end }}
{{- if not (has .Values.s3.credentials.type (list "static" "default")) }}
{{- fail (printf "mediawerk: s3.credentials.type must be static or default, not %q" .Values.s3.credentials.type) }}
{{- end }}
{{- if and (include "mediawerk.s3.static" .) (not .Values.s3.credentials.existingSecret.name) (not (and .Values.s3.credentials.accessKeyId .Values.s3.credentials.secretAccessKey)) }}
{{- fail "mediawerk: no S3 credentials: with s3.credentials.type=static set s3.credentials.existingSecret.name (a Secret with keys access-key-id and secret-access-key) or give s3.credentials.accessKeyId and s3.credentials.secretAccessKey at install (--set); or use s3.credentials.type=default (IRSA, instance roles)" }}
{{- end }}
{{- if not .Values.appSecrets.existingSecret.name }}
{{- if not .Values.appSecrets.signingSecret }}
{{- fail "mediawerk: no signing secret: set appSecrets.existingSecret.name (a Secret with key signing-secret) or give appSecrets.signingSecret at install (--set; at least 32 characters, the same on every pod)" }}
{{- else if lt (len (toString .Values.appSecrets.signingSecret)) 32 }}
{{- fail "mediawerk: appSecrets.signingSecret must be at least 32 characters" }}
{{- end }}
{{- end }}
{{- end }}
