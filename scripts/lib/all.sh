# shellcheck shell=bash
# Sources every helper of scripts/lib: `source "$(dirname "$0")/lib/all.sh"`.
_tally_lib="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib/common.sh
source "$_tally_lib/common.sh"
# shellcheck source=scripts/lib/node.sh
source "$_tally_lib/node.sh"
# shellcheck source=scripts/lib/postgres.sh
source "$_tally_lib/postgres.sh"
# shellcheck source=scripts/lib/redis.sh
source "$_tally_lib/redis.sh"
# shellcheck source=scripts/lib/processes.sh
source "$_tally_lib/processes.sh"
# shellcheck source=scripts/lib/kube.sh
source "$_tally_lib/kube.sh"
# shellcheck source=scripts/lib/prometheus.sh
source "$_tally_lib/prometheus.sh"
# shellcheck source=scripts/lib/browser.sh
source "$_tally_lib/browser.sh"
# shellcheck source=scripts/lib/env.sh
source "$_tally_lib/env.sh"
# shellcheck source=scripts/lib/apps.sh
source "$_tally_lib/apps.sh"
unset _tally_lib
