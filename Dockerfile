# Grafana with the Embers plugin built from this checkout: `docker compose up --build`.
# The build commands are the Makefile's (build-frontend, build-backend), so the
# image holds exactly what `make build` makes.

# 1. Frontend: the app, datasource and panel bundles into dist/.
FROM node:22.21.1-bookworm AS frontend
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# 2. Backend: the datasource's gpx_embers_linux_* binaries into dist/datasource/.
FROM golang:1.26.8-bookworm AS backend
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go run github.com/magefile/mage@v1.15.0 -v build:linux build:linuxARM64

# 3. Grafana. 12.4.10 is the release our @grafana/* packages are pinned to, and
# plugin.json's grafanaDependency (>=12.4.0) accepts it.
FROM grafana/grafana:12.4.10
ENV GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS=embers-profiling-app,embers-pyroscope-datasource,embers-flamegraph-panel
COPY --from=frontend /src/dist /var/lib/grafana/plugins/embers-profiling-app
COPY --from=backend /src/dist/datasource/ /var/lib/grafana/plugins/embers-profiling-app/datasource/
