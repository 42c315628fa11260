# Shared by .ci/check-terraform and .ci/check-cloudformation: checkov in a virtualenv under
# .build/ (installed from PyPI on first use) and the committed skip lists.

checkov_bin=.build/ci-venv/bin/checkov

install_checkov() {
  if [ ! -x "$checkov_bin" ]; then
    python3 -m venv .build/ci-venv
    .build/ci-venv/bin/pip install --quiet --disable-pip-version-check checkov
  fi
}

# The check ids of the given skip lists, comma-separated (lines are `CHECK_ID  reason`).
skip_list() { cat "$@" | grep -v '^#' | awk 'NF { print $1 }' | paste -sd, -; }

# The skips for one example: specs/production.yaml sets every key a check can ask for, so it only
# skips the checks no spec key can satisfy.
skips_for() {
  case "$1" in
    golden/production/*) skip_list .ci/checkov-skip.txt ;;
    *) skip_list .ci/checkov-skip.txt .ci/checkov-skip-examples.txt ;;
  esac
}
