# Sourced by the scripts here: sets JAVA_HOME to a JDK >= 25 and puts it first on PATH.
# Looks in JAVA_HOME, then the `java` on PATH, then the usual install locations.
# Fails with a message naming what to install.

mlscratch_java_major() {   # prints the major version of the JDK at $1, or nothing
  [ -x "$1/bin/javac" ] || return 0
  local v
  if [ -f "$1/release" ]; then    # JAVA_VERSION="25.0.3" (or "1.8.0_292"): no JVM to start
    v=$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9][0-9]*\).*/\2/p' "$1/release" | head -n1)
    if [ -n "$v" ]; then echo "$v"; return 0; fi
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n1
}

mlscratch_find_jdk() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    major=$(mlscratch_java_major "$c")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      echo "$c"
      return 0
    fi
  done
  return 1
}

if ! MLSCRATCH_JDK=$(mlscratch_find_jdk); then
  echo "mlscratch needs a JDK 25 or newer, and none was found" >&2
  echo "  (looked at JAVA_HOME, the java on PATH, /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks)." >&2
  echo "Install one, e.g. Eclipse Temurin 25 (https://adoptium.net, or 'apt-get install temurin-25-jdk')," >&2
  echo "then run this again or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME="$MLSCRATCH_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
