# Sourced by ./fheml and notebooks/run-notebooks: defines find_jdk, which prints the home of a JDK 25 (JAVA_HOME
# first, then the usual JVM folders) or returns 1 when there is none, and JDK_SEARCHED, the folders it looks at.
required_major=25
JDK_SEARCHED="JAVA_HOME (${JAVA_HOME:-unset}), /usr/lib/jvm, /opt/java, ~/.sdkman, ~/.jdks, /Library/Java/JavaVirtualMachines"

java_major() { # prints the feature version of the JDK at $1, or nothing
  local home="$1" line
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  line="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | grep -m1 'java.specification.version' || true)"
  echo "${line##*= }"
}

find_jdk() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && [ "$(java_major "$JAVA_HOME")" = "$required_major" ]; then
    echo "$JAVA_HOME"; return 0
  fi
  for candidate in /usr/lib/jvm/*temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/*25* /usr/lib/jvm/* \
                   /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] || continue
    if [ "$(java_major "$candidate")" = "$required_major" ]; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}
