// Package stacktest checks the dev stack's static files (docker-compose.yaml,
// the Dockerfiles, provisioning/, the bundled dashboards) without a Docker
// engine: what compose would only find out at `docker compose up`.
package stacktest
