# Shared by the .ci/check-* scripts: Python tools in a virtualenv under .build/ (installed from
# PyPI on first use, so that CI on a new machine installs what it needs) and checkov's committed
# skip lists.

venv=.build/ci-venv
checkov_bin=$venv/bin/checkov

# Installs each named PyPI package into the virtualenv unless its command is already there.
install_tool() {
  local package
  for package in "$@"; do install_requirement "$package" "$package"; done
}

# Installs a PyPI requirement unless its command is already there; the command may have another
# name, such as moto_server for `moto[server]`. Holds a lock on the virtualenv: .ci/run runs
# .ci/check-deploy in the background while the other checks install theirs.
install_requirement() {
  local command=$1 requirement=$2 lock
  mkdir -p "$(dirname "$venv")"
  exec {lock}>"$venv.lock"
  flock "$lock"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  [ -x "$venv/bin/$command" ] || "$venv/bin/pip" install --quiet --disable-pip-version-check "$requirement"
  exec {lock}>&-
}

# The local hashicorp/aws provider mirror: TF_PLUGIN_MIRROR, or the first of the usual places that
# holds hashicorp/aws. Nothing is downloaded.
find_mirror() {
  for candidate in "${TF_PLUGIN_MIRROR:-}" /opt/tf-plugins "$HOME/.terraform.d/plugins" \
    /usr/share/terraform/plugins /usr/local/share/terraform/plugins; do
    if [ -n "$candidate" ] && [ -d "$candidate/registry.terraform.io/hashicorp/aws" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

install_checkov() { install_tool checkov; }

# The check ids of the given skip lists, comma-separated (lines are `CHECK_ID  reason`).
skip_list() { cat "$@" | grep -v '^#' | awk 'NF { print $1 }' | paste -sd, -; }

# The skips for one configuration: a bootstrap has its own list; specs/production.yaml (service orders-api) sets every key a check can
# ask for, so it only skips the checks no spec key can satisfy. In a case pattern `*` also matches
# `/`, so golden/*/bootstrap covers each environment's golden/NAME/ENV/bootstrap too.
skips_for() {
  case "$1" in
    golden/*/bootstrap) skip_list .ci/checkov-skip-bootstrap.txt ;;
    golden/orders-api/*) skip_list .ci/checkov-skip.txt ;;
    *) skip_list .ci/checkov-skip.txt .ci/checkov-skip-examples.txt ;;
  esac
}
