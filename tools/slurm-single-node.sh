#!/usr/bin/env bash
# Starts a single-node Slurm cluster from Debian's packages (slurmctld, slurmd, slurm-client, munge)
# without systemd, for the tests of `run --executor slurm`. Run as root. Idempotent: when a controller
# already answers, it only waits for the node to be idle.
#   tools/slurm-single-node.sh            install missing packages (apt) and start the daemons
#   tools/slurm-single-node.sh --no-install
# Writes /etc/slurm/slurm.conf with the node's real CPU count and memory (from `slurmd -C`) unless a
# slurm.conf not written by this script is already there. Exits non-zero with a one-line reason on failure.
set -euo pipefail

MARK="# written by deepreshape tools/slurm-single-node.sh"
CONF=/etc/slurm/slurm.conf
STATE=/var/lib/deepreshape-slurm

fail() { echo "slurm-single-node: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "must run as root (it installs packages and starts daemons)"

if [ "${1:-}" != "--no-install" ] && ! command -v slurmctld >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurmctld slurmd slurm-client munge) \
    >/dev/null 2>&1 || fail "could not install slurmctld slurmd slurm-client munge with apt-get"
fi
for tool in munged slurmctld slurmd sinfo; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed"
done

# by pid file, so that procps need not be installed
running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
idle() { sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; }

if ! { [ -f "$CONF" ] && sinfo -h >/dev/null 2>&1; }; then
  if [ ! -f "$CONF" ] || grep -qF "$MARK" "$CONF"; then
    node="$(slurmd -C | head -1)"   # NodeName=<host> CPUs=.. Boards=.. ... RealMemory=..
    mkdir -p /etc/slurm "$STATE/ctld" "$STATE/d" "$STATE/log"
    cat >"$CONF" <<EOF
$MARK
ClusterName=deepreshape
SlurmctldHost=$(hostname -s)
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=2,bf_interval=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
MinJobAge=3600
KillWait=20
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/d
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/log/slurmctld.log
SlurmdLogFile=$STATE/log/slurmd.log
$node State=UNKNOWN
PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
  fi

  if ! running /run/munge/munged.pid; then
    [ -f /etc/munge/munge.key ] || { mungekey --create >/dev/null 2>&1 || \
      dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none; }
    chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
    mkdir -p /run/munge /var/log/munge /var/lib/munge
    chown munge:munge /run/munge /var/log/munge /var/lib/munge
    runuser -u munge -- munged || fail "munged did not start"
  fi
  running "$STATE/slurmctld.pid" || slurmctld || fail "slurmctld did not start (see $STATE/log/slurmctld.log)"
  running "$STATE/slurmd.pid" || slurmd || fail "slurmd did not start (see $STATE/log/slurmd.log)"
fi

for _ in $(seq 1 60); do
  if idle; then
    echo "slurm-single-node: $(sinfo -h -o '%N %c CPUs %m MB %T') (partition $(sinfo -h -o %P | head -1))"
    exit 0
  fi
  if sinfo -h -o %T 2>/dev/null | grep -qE 'down|drain'; then
    scontrol update nodename="$(sinfo -h -o %N | head -1)" state=resume >/dev/null 2>&1 || true
  fi
  sleep 1
done
fail "the node did not become idle within 60 s (see $STATE/log)"
