#!/bin/sh
# Entrypoint of the eclipse-mosquitto:2 container: creates the dynamic-security file with its admin
# on first start, then hands over to the image's own entrypoint. Mosquitto 2.0 will not start
# without the file, and `mosquitto_ctrl dynsec init` exits 0 even when it refuses to overwrite one,
# hence the explicit test.
set -eu

file=/mosquitto/data/dynamic-security.json

if [ ! -f "$file" ]; then
  : "${MOSQUITTO_ADMIN_USERNAME:?must be set on first start (the dynamic-security admin)}"
  : "${MOSQUITTO_ADMIN_PASSWORD:?must be set on first start (the dynamic-security admin)}"
  mosquitto_ctrl dynsec init "$file" "$MOSQUITTO_ADMIN_USERNAME" "$MOSQUITTO_ADMIN_PASSWORD"
fi

exec /docker-entrypoint.sh "$@"
