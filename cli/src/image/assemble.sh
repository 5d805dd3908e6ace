#!/usr/bin/env bash
# Assembles the file system of the command line's container image, which Jib then layers onto an empty base (see the
# image profile of ../../pom.xml). No base image can be pulled where this project is built, and none is needed: the way
# distroless images are made, it takes a Java runtime and the few libraries it needs from Debian packages, here the ones
# installed on the build machine:
#   - a Java runtime jlinked from the build's JDK with only the modules the command uses;
#   - the shared libraries that runtime loads (ldd), and the dynamic loader, copied as files (Jib keeps no symlinks);
#   - for each Debian package these came from, its copyright file and its dpkg status entry under
#     /var/lib/dpkg/status.d/, where image scanners look for the packages of distroless images;
#   - dash as /bin/sh, because GitLab CI runs a job's script through a shell in the job's image;
#   - the Debian CA certificates, /etc/passwd and /etc/group with the non-root user 65532 (nonroot);
#   - the shaded jar, its launcher /usr/local/bin/gitops-promotion, and a class-data sharing archive made from one run of
#     `gitops-promotion demo` (real promotions on a local config repository) with this very runtime.
# Usage: assemble.sh JAVA_HOME JAR OUTPUT WORK
set -euo pipefail

java_home=$1 jar=$2 out=$(realpath --canonicalize-missing "$3") work=$(realpath --canonicalize-missing "$4")
# What the command loads: the engine (JGit with its SSH transport, Jackson, SnakeYAML, Jib, java.net.http for the
# pull-request providers) and the view's HTTP server. Checked by the demo run below, which fails on a missing module.
modules=java.base,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.sql,jdk.crypto.ec,jdk.httpserver,jdk.unsupported
app=/opt/gitops-promotion
# Jib writes every file with this modification time; class-data sharing checks the jar's, so the archive is made with it.
jib_time=@1

rm -rf "$out" "$work"
mkdir -p "$out" "$work"

"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$out/opt/java"
# Debian's JDK links its CA store to /etc/ssl/certs/java/cacerts (ca-certificates-java): take the file itself.
cp --dereference "$java_home/lib/security/cacerts" "$out/opt/java/lib/security/cacerts"

# Every library the runtime's programs and libraries, and the shell, load, and the dynamic loader named in their headers.
declare -A libraries=()
needs() {
  local line path
  while IFS= read -r line; do
    case "$line" in
      # The runtime's libraries find libjvm.so because the JVM has loaded it before them.
      "libjvm.so => not found") ;;
      *"=> not found"*) echo "assemble.sh: $1 needs a library that is not installed: $line" >&2; exit 1 ;;
      *"=> /"*) path=${line#*=> }; libraries[${path%% (*}]=1 ;;
      /*) libraries[${line%% (*}]=1 ;;
    esac
  done < <(ldd "$1" 2>/dev/null | sed 's/^[[:space:]]*//')
}
while IFS= read -r file; do
  needs "$file"
done < <(find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \))
shell=$(readlink -f /bin/sh)
case "$shell" in
  */dash) ;;
  *) echo "assemble.sh: /bin/sh is $shell, not dash: the image's shell is taken from Debian's dash package" >&2; exit 1 ;;
esac
needs "$shell"
for library in "${!libraries[@]}"; do
  # The runtime's own libraries, found next to the one loading them, are already in place.
  if [[ $library == "$out"/* ]]; then
    unset "libraries[$library]"
    continue
  fi
  mkdir -p "$out$(dirname "$library")"
  cp --dereference "$library" "$out$library"
done
mkdir -p "$out/bin"
cp --dereference "$shell" "$out/bin/sh"

# Provenance: the Debian package of each file taken from the build machine.
if command -v dpkg-query >/dev/null; then
  declare -A packages=()
  for file in "${!libraries[@]}" "$shell" "$java_home/lib/server/libjvm.so" "$(readlink -f "$java_home/lib/security/cacerts")"; do
    # dpkg knows a file by the path its package installs it at, which merged /usr may have moved.
    resolved=$(readlink -f "$file")
    for candidate in "$file" "$resolved" "${resolved#/usr}"; do
      if owner=$(dpkg-query --search "$candidate" 2>/dev/null); then
        packages[${owner%%:*}]=1
        break
      fi
    done
  done
  mkdir -p "$out/var/lib/dpkg/status.d"
  for package in "${!packages[@]}"; do
    name=${package%%:*}
    dpkg-query --status "$package" | grep -v '^Conffiles:\|^ /' > "$out/var/lib/dpkg/status.d/$name"
    if [ -f "/usr/share/doc/$name/copyright" ]; then
      mkdir -p "$out/usr/share/doc/$name"
      cp --dereference "/usr/share/doc/$name/copyright" "$out/usr/share/doc/$name/copyright"
    fi
  done
else
  echo "assemble.sh: no dpkg on this machine: the image lists no package provenance" >&2
fi

mkdir -p "$out/etc" "$out/tmp" "$out/home/nonroot" "$out$app" "$out/usr/local/bin"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$out/etc/group"
cp "$jar" "$out$app/gitops-promotion.jar"

# The launcher, also the image's entrypoint: the flags docs/cli.md recommends for short runs, and the archive.
cat > "$out/usr/local/bin/gitops-promotion" <<LAUNCHER
#!/bin/sh
exec /opt/java/bin/java -XX:SharedArchiveFile=$app/gitops-promotion.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \\
  -jar $app/gitops-promotion.jar "\$@"
LAUNCHER
chmod 755 "$out/usr/local/bin/gitops-promotion"

# The archive, made with the runtime, the jar and the flags of the image, at the paths of the image: JDK 17 takes an
# archive only where the jar has the path, size and modification time it had when the archive was made, so the dump
# runs chrooted into the image's file system (as root of a user namespace where the build is not root: no privileges
# needed; /proc lets the launcher find its libraries), with every file at Jib's modification time. The class list comes from one run of the
# demo: real promotions on a local config repository.
find "$out" -exec touch --no-dereference --date="$jib_time" {} +
"$out/opt/java/bin/java" -Xshare:off -XX:DumpLoadedClassList="$work/classlist" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -jar "$out$app/gitops-promotion.jar" demo --dir "$work/demo" > "$work/demo.log"
in_image() {
  local user_namespace=(--map-root-user)
  if [ "$(id -u)" -eq 0 ]; then user_namespace=(); fi
  mkdir -p "$out/proc"
  unshare "${user_namespace[@]}" --mount --pid --fork --mount-proc="$out/proc" chroot "$out" "$@"
  local status=$?
  rmdir "$out/proc"
  return $status
}
cp "$work/classlist" "$out/tmp/classlist"
in_image /opt/java/bin/java -Xshare:dump -XX:SharedClassListFile=/tmp/classlist -XX:+UseSerialGC \
  -XX:SharedArchiveFile=$app/gitops-promotion.jsa -cp $app/gitops-promotion.jar > "$work/dump.log" || {
  echo "assemble.sh: the class-data archive could not be made (user namespaces allowed? see $work/dump.log)" >&2
  exit 1
}
rm "$out/tmp/classlist"
# Proof that the image's launcher uses it: the command's main class comes from the archive.
in_image /bin/sh -c 'JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:class+load=info" exec gitops-promotion --version' \
  > "$work/check.log" 2>&1 || true
grep -q 'io.jenkins.plugins.gitopspromotion.cli.GitOpsPromotionCli source: shared objects file' "$work/check.log" || {
  echo "assemble.sh: the class-data archive is not used; see $work/check.log" >&2
  exit 1
}
