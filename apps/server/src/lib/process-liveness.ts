import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

/**
 * Who a process is, precisely enough to tell later whether it still runs: the PID alone is not
 * enough, since PIDs are reused (a container restarted after a crash often gets the same one).
 * `start` is the process's start time in clock ticks since boot (Linux), `boot` the kernel's boot
 * id, `ns` its PID namespace (containers sharing a host name, e.g. with host networking, see
 * different PIDs), `nonce` tells two holders in one process apart.
 */
export type ProcessIdentity = {
  host: string;
  pid: number;
  start: string | null;
  boot: string | null;
  ns: string | null;
  nonce: string;
};

function readFile(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat; null when the process does not exist or /proc cannot show it. */
export function processStartTicks(pid: number): string | null {
  const stat = readFile(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null; // fields[0] is field 3 (state), so field 22 is fields[19]
}

const BOOT_ID = readFile('/proc/sys/kernel/random/boot_id')?.trim() || null;
const PID_NS = (() => {
  try {
    return fs.readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
})();

/** A new identity of the current process (a fresh nonce each call). */
export function currentProcess(): ProcessIdentity {
  return {
    host: os.hostname(),
    pid: process.pid,
    start: processStartTicks(process.pid),
    boot: BOOT_ID,
    ns: PID_NS,
    nonce: randomUUID(),
  };
}

export function parseIdentity(text: string | null | undefined): ProcessIdentity | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<ProcessIdentity>;
    if (typeof value.host !== 'string' || typeof value.pid !== 'number' || !Number.isInteger(value.pid)) return null;
    return {
      host: value.host,
      pid: value.pid,
      start: typeof value.start === 'string' ? value.start : null,
      boot: typeof value.boot === 'string' ? value.boot : null,
      ns: typeof value.ns === 'string' ? value.ns : null,
      nonce: typeof value.nonce === 'string' ? value.nonce : '',
    };
  } catch {
    return null;
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process `id` still runs: `false` once it has exited, or its PID now belongs to
 * another process (other start time), or the machine has rebooted since; `undefined` when it
 * cannot be told from here (another host, or another PID namespace) — the caller then falls back
 * to a heartbeat.
 */
export function isProcessAlive(id: ProcessIdentity): boolean | undefined {
  if (id.host !== os.hostname()) return undefined;
  if (id.boot && BOOT_ID && id.boot !== BOOT_ID) return false;
  if (id.ns && PID_NS && id.ns !== PID_NS) return undefined;
  if (!pidExists(id.pid)) return false;
  if (!id.start) return true; // no /proc when it was recorded: the PID is all there is
  const start = processStartTicks(id.pid);
  // Unreadable although it exists (e.g. /proc mounted with hidepid): assume it is the holder.
  return start === null ? true : start === id.start;
}
