# Shared by the .ci/check-* scripts: Python tools in a virtualenv under .build/ (installed from
# PyPI on first use, so that CI on a new machine installs what it needs) and checkov's committed
# skip lists.

venv=.build/ci-venv
checkov_bin=$venv/bin/checkov

# Installs each named PyPI package into the virtualenv unless its command is already there.
install_tool() {
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  for package in "$@"; do
    [ -x "$venv/bin/$package" ] || "$venv/bin/pip" install --quiet --disable-pip-version-check "$package"
  done
}

install_checkov() { install_tool checkov; }

# The check ids of the given skip lists, comma-separated (lines are `CHECK_ID  reason`).
skip_list() { cat "$@" | grep -v '^#' | awk 'NF { print $1 }' | paste -sd, -; }

# The skips for one configuration: a bootstrap has its own list; specs/production.yaml (service orders-api) sets every key a check can
# ask for, so it only skips the checks no spec key can satisfy.
skips_for() {
  case "$1" in
    golden/*/bootstrap) skip_list .ci/checkov-skip-bootstrap.txt ;;
    golden/orders-api/*) skip_list .ci/checkov-skip.txt ;;
    *) skip_list .ci/checkov-skip.txt .ci/checkov-skip-examples.txt ;;
  esac
}
