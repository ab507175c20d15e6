# Usage: probe.sh LABEL HOST PORT [LABEL HOST PORT]...
# Prints "LABEL open" for each address a TCP connection opens to within 2 s, "LABEL closed" for the others, then
# whether the Docker engine's socket is in the container. nc hands an open connection to true, which closes it.
while [ $# -ge 3 ]; do
  if nc -w 2 "$2" "$3" -e true 2>/dev/null; then echo "$1 open"; else echo "$1 closed"; fi
  shift 3
done
if [ -e /var/run/docker.sock ]; then echo "docker.sock present"; else echo "docker.sock absent"; fi
