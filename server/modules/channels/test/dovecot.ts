// Debian's Dovecot (dovecot-imapd) on 127.0.0.1 and a free port, with a throwaway configuration, users
// and Maildirs under a temp directory, until `stop()`. `.ci/provision.sh` installs it.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { freePort } from '../../../test/local-services.js';

export interface TestDovecot {
  port: number;
  /** The Maildir of a user (to drop generated messages straight into `cur/`). */
  maildir(user: string): string;
  /** Drops the user's connections from the server side, as a restart or a network cut would. */
  kick(user: string): void;
  /** What Dovecot logged so far (for failing tests). */
  log(): string;
  stop(): Promise<void>;
}

const DOVECOT = '/usr/sbin/dovecot';
const READY_TIMEOUT_MS = 10_000;

/** As root, mail is owned by the `dovecot` system user; otherwise everything runs as the current user. */
function runAs(): { user: string; uid: number; gid: number } {
  const me = userInfo();
  if (me.uid !== 0) return { user: me.username, uid: me.uid, gid: me.gid };
  const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'dovecot']).toString().trim()));
  return { user: 'dovecot', uid: uid!, gid: gid! };
}

/**
 * With `oauth2IntrospectionUrl`, Dovecot also accepts XOAUTH2 logins, as Gmail does (its oauth2 passdb):
 * it posts each access token to that URL (RFC 7662 introspection) and lets the user in when the answer is
 * active and names the user in `email`.
 */
export async function startDovecot(users: Record<string, string>, options: { oauth2IntrospectionUrl?: string } = {}): Promise<TestDovecot> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kith-dovecot-'));
  const owner = runAs();
  const home = join(dir, 'home');
  // Dovecot's auth and mail processes run as the owner below and must reach the passwd file and homes.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'run'));
  for (const user of Object.keys(users)) {
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(home, user, 'Maildir', sub), { recursive: true });
  }
  writeFileSync(
    join(dir, 'passwd'),
    Object.entries(users)
      .map(([user, pass]) => `${user}:{PLAIN}${pass}::::::\n`)
      .join(''),
  );
  if (options.oauth2IntrospectionUrl) {
    writeFileSync(
      join(dir, 'oauth2.conf.ext'),
      [
        `introspection_url = ${options.oauth2IntrospectionUrl}`,
        'introspection_mode = post',
        'force_introspection = yes',
        'username_attribute = email',
        'active_attribute = active',
        'active_value = true',
        '',
      ].join('\n'),
    );
  }
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `
base_dir = ${dir}/run
state_dir = ${dir}/run
instance_name = kith-test-${port}
log_path = /dev/stderr
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login${options.oauth2IntrospectionUrl ? ' xoauth2' : ''}
auth_failure_delay = 0
default_internal_user = ${owner.user}
default_internal_group = ${owner.user}
default_login_user = ${owner.user}
first_valid_uid = ${owner.uid}
last_valid_uid = ${owner.uid}
${
  options.oauth2IntrospectionUrl
    ? `passdb {
  driver = oauth2
  mechanisms = xoauth2
  args = ${dir}/oauth2.conf.ext
}
`
    : ''
}passdb {
  driver = passwd-file
  mechanisms = plain login
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${owner.uid} gid=${owner.gid} home=${home}/%u
}
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
    auto = create
  }
  mailbox Junk {
    special_use = \\Junk
    auto = create
  }
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
  mailbox Trash {
    special_use = \\Trash
    auto = create
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`,
  );
  if (owner.uid !== userInfo().uid || userInfo().uid === 0) {
    execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, home]);
  }

  const dovecot = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((done) => dovecot.once('close', () => done()));
  const stop = async () => {
    if (dovecot.exitCode === null && dovecot.signalCode === null) dovecot.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  let output = '';
  try {
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`dovecot was not ready after ${READY_TIMEOUT_MS} ms:\n${output}`)), READY_TIMEOUT_MS);
      const settle = (error?: Error) => {
        clearTimeout(timer);
        if (error) fail(error);
        else ready();
      };
      const onOutput = (chunk: Buffer) => {
        if (!output.includes(chunk.toString())) output += chunk.toString();
        if (output.includes('starting up')) settle();
      };
      dovecot.stdout.on('data', onOutput);
      dovecot.stderr.on('data', onOutput);
      // Keeps reading after startup, so a full pipe never blocks Dovecot.
      dovecot.stderr.on('data', (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-20_000)));
      dovecot.once('error', (error: NodeJS.ErrnoException) =>
        settle(error.code === 'ENOENT' ? new Error('dovecot is not installed: run `bash .ci/provision.sh` (or apt-get install -y dovecot-imapd).') : error),
      );
      dovecot.once('exit', (code) => settle(new Error(`dovecot exited (${code}) before it was ready:\n${output}`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const kick = (user: string) => void execFileSync('doveadm', ['-c', join(dir, 'dovecot.conf'), 'kick', user]);
  return { port, maildir: (user) => join(home, user, 'Maildir'), kick, log: () => output, stop };
}
