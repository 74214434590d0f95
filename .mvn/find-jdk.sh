# Finds a JDK 21 or newer and exports JAVA_HOME. Sourced (POSIX sh) by mvnw, ./parley and .ci/run.
# Order: JAVA_HOME if it is 21+, then the newest JDK under /usr/lib/jvm (or PARLEY_JVM_DIR), then the java
# on PATH. Fails with a message that says what to install.

parley_jdk_major() { # $1 = JDK home; prints its feature version, e.g. 21
  [ -x "$1/bin/javac" ] || return 1
  _v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  [ -n "$_v" ] || _v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  [ -n "$_v" ] && printf '%s\n' "$_v"
}

parley_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ "$(parley_jdk_major "$JAVA_HOME" || echo 0)" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  _best="" _bestv=0
  case $- in *f*) _noglob=1; set +f ;; *) _noglob="" ;; esac # mvnw runs with globbing off
  for _d in "${PARLEY_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -d "$_d" ] && [ ! -L "$_d" ] || continue
    _v=$(parley_jdk_major "$_d") || continue
    if [ "$_v" -ge 21 ] 2>/dev/null && [ "$_v" -gt "$_bestv" ]; then _best=$_d _bestv=$_v; fi
  done
  [ -z "$_noglob" ] || set -f
  if [ -z "$_best" ] && command -v javac >/dev/null 2>&1; then
    _d=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    _v=$(parley_jdk_major "$_d") && [ "$_v" -ge 21 ] 2>/dev/null && _best=$_d
  fi
  if [ -z "$_best" ]; then
    echo "Parley needs a JDK 21 or newer, and none was found (JAVA_HOME=${JAVA_HOME-unset}; looked in ${PARLEY_JVM_DIR:-/usr/lib/jvm} and on PATH)." >&2
    echo "Install one, e.g. 'apt-get install openjdk-21-jdk' (Debian 13+/Ubuntu 24.04+) or Eclipse Temurin 21/25 (https://adoptium.net), then set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME=$_best
  export JAVA_HOME
}
