import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A private Dovecot IMAP server for the e-mail tests (Debian `dovecot-imapd`; `.ci/run` installs
 * it): its own temporary directory (configuration, Maildir, sockets, log), 127.0.0.1 on a free
 * port, users from a passwd-file, plaintext login (loopback only, no TLS). As root it runs its
 * mail processes as the `mail` user (Dovecot refuses UID 0 for mail); otherwise rootless as the
 * current user. The system's own Dovecot service, if any, is not touched.
 */
export const DOVECOT_BINARY = process.env.KEFU_DOVECOT ?? '/usr/sbin/dovecot';

export function dovecotAvailable(): boolean {
  return fs.existsSync(DOVECOT_BINARY);
}

/** CI (or `KEFU_REQUIRE_DOVECOT`, set by `.ci/run`) must run the IMAP tests: without Dovecot they fail there. */
export const dovecotRequired = Boolean(process.env.CI || process.env.KEFU_REQUIRE_DOVECOT);

/** Why the tests cannot run without Dovecot (thrown when CI is set: CI must run them). */
export const DOVECOT_MISSING = `Dovecot is not installed (${DOVECOT_BINARY}): apt-get install -y dovecot-imapd (CI installs it in .ci/run)`;

export type Dovecot = {
  host: string;
  port: number;
  users: Record<string, string>;
  stop(): Promise<void>;
  log(): string;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the server greets (`* OK`) on the port, or rejects after `timeoutMs`. */
async function waitForGreeting(port: number, timeoutMs: number, child: ChildProcess, log: () => string) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}):\n${log()}`);
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      const timer = setTimeout(() => {
        socket.destroy();
        resolve(false);
      }, 1500);
      socket.once('close', () => clearTimeout(timer));
      socket.setTimeout(1000);
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (greeted) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not answer on 127.0.0.1:${port} within ${timeoutMs} ms:\n${log()}`);
}

function idsOf(name: string): { uid: number; gid: number } | null {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startDovecot(users: Record<string, string>): Promise<Dovecot> {
  if (!dovecotAvailable()) throw new Error(DOVECOT_MISSING);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-dovecot-'));
  fs.chmodSync(base, 0o755);
  const isRoot = process.getuid?.() === 0;
  const me = os.userInfo();
  const mailIds = isRoot ? (idsOf('mail') ?? { uid: 8, gid: 8 }) : { uid: me.uid, gid: me.gid };
  const group = isRoot
    ? null
    : (fs
        .readFileSync('/etc/group', 'utf8')
        .split('\n')
        .find((l) => l.split(':')[2] === String(me.gid))
        ?.split(':')[0] ?? me.username);
  for (const dir of ['run', 'state', 'mail']) fs.mkdirSync(path.join(base, dir), { mode: 0o755 });
  if (isRoot) fs.chownSync(path.join(base, 'mail'), mailIds.uid, mailIds.gid);
  const passwd = path.join(base, 'passwd');
  fs.writeFileSync(
    passwd,
    Object.entries(users)
      .map(([user, password]) => `${user}:{PLAIN}${password}::::::\n`)
      .join(''),
    { mode: 0o644 },
  );
  const port = await freePort();
  const logFile = path.join(base, 'dovecot.log');
  const config = [
    `base_dir = ${base}/run`,
    `state_dir = ${base}/state`,
    `log_path = ${logFile}`,
    `info_log_path = ${logFile}`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    `mail_location = maildir:${base}/mail/%u`,
    `first_valid_uid = ${mailIds.uid}`,
    `first_valid_gid = ${Math.min(mailIds.gid, 1)}`,
    'mail_plugins =',
    ...(isRoot
      ? []
      : [
          `default_internal_user = ${me.username}`,
          `default_login_user = ${me.username}`,
          // Rootless: no process can chroot.
          'service anvil {',
          '  chroot =',
          '}',
          `default_internal_group = ${group}`,
        ]),
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${passwd}`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = uid=${mailIds.uid} gid=${mailIds.gid} home=${base}/mail/%u`,
    '}',
    'service imap-login {',
    ...(isRoot ? [] : ['  chroot =']),
    '  inet_listener imap {',
    '    address = 127.0.0.1',
    `    port = ${port}`,
    '  }',
    '  inet_listener imaps {',
    '    port = 0',
    '  }',
    '}',
    'service stats {',
    '  inet_listener http {',
    '    port = 0',
    '  }',
    '}',
    '',
  ].join('\n');
  const configFile = path.join(base, 'dovecot.conf');
  fs.writeFileSync(configFile, config);
  const child = spawn(DOVECOT_BINARY, ['-F', '-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d.toString()));
  child.stderr?.on('data', (d) => (output += d.toString()));
  const log = () => `${output}${fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''}`;
  try {
    await waitForGreeting(port, 15_000, child, log);
  } catch (error) {
    child.kill('SIGKILL');
    fs.rmSync(base, { recursive: true, force: true });
    throw error;
  }
  return {
    host: '127.0.0.1',
    port,
    users,
    log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}
