{{/*
The Deployment of one role; argument: dict "root" $ "role" "api" | "worker" | "dispatcher".
The roles differ in which Kafka consumers they run: every channel not listed is turned off.
*/}}
{{- define "mediawerk.deployment" -}}
{{- $root := .root }}
{{- $role := .role }}
{{- $values := index $root.Values $role }}
{{- $consumers := dict "api" (list) "worker" (list "TRANSFORMS" "INGEST" "INTELLIGENCE") "dispatcher" (list "EVENTS") }}
{{- $keys := include "mediawerk.secretKeys" $root | fromYaml }}
{{- include "mediawerk.checkValues" $root }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "mediawerk.roleName" . }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "mediawerk.roleLabels" . | nindent 4 }}
spec:
  {{- if not (or (and (eq $role "api") $values.autoscaling.enabled) (and (eq $role "worker") $root.Values.keda.enabled)) }}
  replicas: {{ $values.replicaCount }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "mediawerk.roleSelectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "mediawerk.roleLabels" . | nindent 8 }}
        {{- with $root.Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        checksum/config: {{ include (print $root.Template.BasePath "/configmap.yaml") $root | sha256sum }}
        {{- if include "mediawerk.ownSecret" $root }}
        checksum/secret: {{ include (print $root.Template.BasePath "/secret.yaml") $root | sha256sum }}
        {{- end }}
        {{- if $root.Values.metrics.podAnnotations }}
        prometheus.io/scrape: "true"
        prometheus.io/port: "8080"
        prometheus.io/path: /q/metrics
        {{- end }}
        {{- with (merge (dict) $values.podAnnotations $root.Values.podAnnotations) }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      {{- with include "mediawerk.serviceAccountName" $root }}
      serviceAccountName: {{ . }}
      {{- end }}
      automountServiceAccountToken: false
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      terminationGracePeriodSeconds: {{ $values.terminationGracePeriodSeconds }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ $role }}
          image: {{ include "mediawerk.image" $root | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "mediawerk.fullname" $root }}
          env:
            - name: JAVA_OPTS
              value: {{ $root.Values.javaOptions | quote }}
            {{- range $channel := list "TRANSFORMS" "INGEST" "INTELLIGENCE" "EVENTS" }}
            - name: MP_MESSAGING_INCOMING_{{ $channel }}_ENABLED
              value: {{ has $channel (get $consumers $role) | quote }}
            {{- end }}
            {{- if eq $role "worker" }}
            - name: MEDIAWERK_TRANSFORMS_CONCURRENCY
              value: {{ $values.transformsConcurrency | quote }}
            - name: MEDIAWERK_INTELLIGENCE_CONCURRENCY
              value: {{ $values.intelligenceConcurrency | quote }}
            - name: MP_MESSAGING_INCOMING_INGEST_CONCURRENCY
              value: {{ $values.ingestConcurrency | quote }}
            {{- end }}
            {{- include "mediawerk.secretEnv" (dict "env" "QUARKUS_DATASOURCE_USERNAME" "name" (include "mediawerk.database.secretName" $root) "key" $keys.databaseUsername) | nindent 12 }}
            {{- include "mediawerk.secretEnv" (dict "env" "QUARKUS_DATASOURCE_PASSWORD" "name" (include "mediawerk.database.secretName" $root) "key" $keys.databasePassword) | nindent 12 }}
            {{- if include "mediawerk.s3.static" $root }}
            {{- include "mediawerk.secretEnv" (dict "env" "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID" "name" (include "mediawerk.s3.secretName" $root) "key" $keys.s3AccessKeyId) | nindent 12 }}
            {{- include "mediawerk.secretEnv" (dict "env" "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY" "name" (include "mediawerk.s3.secretName" $root) "key" $keys.s3SecretAccessKey) | nindent 12 }}
            {{- end }}
            {{- include "mediawerk.secretEnv" (dict "env" "MEDIAWERK_SIGNING_SECRET" "name" (include "mediawerk.app.secretName" $root) "key" $keys.signingSecret) | nindent 12 }}
            {{- if or $root.Values.appSecrets.existingSecret.name $root.Values.appSecrets.adminKey }}
            {{- include "mediawerk.secretEnv" (dict "env" "MEDIAWERK_ADMIN_KEY" "name" (include "mediawerk.app.secretName" $root) "key" $keys.adminKey "optional" true) | nindent 12 }}
            {{- end }}
            {{- with concat $root.Values.extraEnv $values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          startupProbe:
            {{- include "mediawerk.probe" (dict "path" "/q/health/started" "settings" $root.Values.probes.startup) | nindent 12 }}
          readinessProbe:
            {{- include "mediawerk.probe" (dict "path" "/q/health/ready" "settings" $root.Values.probes.readiness) | nindent 12 }}
          livenessProbe:
            {{- include "mediawerk.probe" (dict "path" "/q/health/live" "settings" $root.Values.probes.liveness) | nindent 12 }}
          {{- if eq $role "api" }}
          lifecycle:
            preStop:
              exec:
                command: ["sleep", {{ $values.preStopSleepSeconds | quote }}]
          {{- end }}
          resources:
            {{- toYaml $values.resources | nindent 12 }}
          securityContext:
            {{- toYaml $root.Values.securityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: work
              mountPath: {{ $root.Values.workDir }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ $values.scratch.tmp }}
        - name: work
          emptyDir:
            sizeLimit: {{ $values.scratch.work }}
      {{- with $values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}

{{/* One env var from a Secret; argument: dict "env" "NAME" "name" secret "key" key ["optional" true] */}}
{{- define "mediawerk.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .name }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end }}

{{/* An HTTP probe on port 8080; argument: dict "path" "/q/health/..." "settings" (periods and thresholds) */}}
{{- define "mediawerk.probe" -}}
httpGet:
  path: {{ .path }}
  port: http
{{ toYaml .settings }}
{{- end }}
