// Serves a built app with Debian's nginx and the production configuration in
// deploy/nginx/. The files are copied to a temp folder with the few edits this machine
// needs (loopback port, the build folder as root, pid and temp folders in the temp
// folder); each edit must match, so a changed production file cannot silently leave the
// test serving something else. Everything else, headers and locations included, is the
// production text byte for byte.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../bench/lib/faces';
import { freePort } from '../../bench/lib/harness';

export const nginxPath = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const configDir = join(repoRoot, 'deploy', 'nginx');

export interface Nginx {
  /** http://127.0.0.1:PORT, no trailing slash. */
  origin: string;
  /** Stops nginx (master and workers) and removes its temp folder. */
  stop(): Promise<void>;
}

interface Edit {
  file: string;
  from: string | RegExp;
  to: string;
}

function edits(dir: string, port: number, root: string): Edit[] {
  return [
    { file: 'facegate.conf', from: 'listen 8080;', to: `listen 127.0.0.1:${port};` },
    { file: 'facegate.conf', from: 'root /srv/facegate;', to: `root ${root};` },
    // The pid file and every temp folder.
    { file: 'nginx.conf', from: /\/tmp\//g, to: `${dir}/` },
  ];
}

async function writeConfig(dir: string, port: number, root: string): Promise<string> {
  const files = (await readdir(configDir)).filter((name) => name.endsWith('.conf'));
  const todo = edits(dir, port, root);
  for (const name of files) {
    let text = await readFile(join(configDir, name), 'utf8');
    for (const edit of todo.filter((e) => e.file === name)) {
      const edited = text.replace(edit.from, edit.to);
      if (edited === text) {
        throw new Error(
          `deploy/nginx/${name} no longer contains ${edit.from}: update e2e/support/nginx.ts`,
        );
      }
      text = edited;
    }
    await writeFile(join(dir, name), text);
  }
  const missing = todo.filter((e) => !files.includes(e.file));
  if (missing.length > 0) throw new Error(`deploy/nginx/${missing[0]!.file} is missing`);
  return join(dir, 'nginx.conf');
}

/** Whether anything still accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts nginx on a free loopback port serving `root`; rejects with nginx's own words. */
export async function startNginx(root: string): Promise<Nginx> {
  if (!existsSync(nginxPath)) {
    throw new Error(
      `nginx was not found at ${nginxPath}. Install Debian's (apt-get install nginx; ` +
        '.ci/run does it when missing) or set NGINX_PATH.',
    );
  }
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: build the app first`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'facegate-nginx-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const config = await writeConfig(dir, port, root);
  // As root, nginx would hand requests to workers running as `nobody`, which may not
  // read the checkout; the container runs it unprivileged, where `user` does not apply.
  const asRoot = process.getuid?.() === 0 ? ['-g', 'user root;'] : [];
  const child = spawn(nginxPath, ['-c', config, '-e', 'stderr', ...asRoot], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.once('error', (error) => (log += `${error.message}\n`));
  // 'close' comes once every holder of nginx's stderr has exited: the workers as well.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  // Never outlive the test run, even when it ends on an error.
  const kill = () => child.kill('SIGTERM');
  process.once('exit', kill);

  const stop = async () => {
    process.off('exit', kill);
    if (running()) {
      // Fast shutdown: the master stops its workers and exits after them.
      child.kill('SIGTERM');
      const stopped = await Promise.race([
        closed.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 10_000)),
      ]);
      if (!stopped) {
        child.kill('SIGKILL');
        await closed;
      }
    }
    await rm(dir, { recursive: true, force: true });
    if (await listening(port)) throw new Error(`something still listens on ${origin} after nginx`);
  };

  try {
    for (let i = 0; ; i++) {
      if (!running()) throw new Error(`nginx exited at start:\n${log}`);
      try {
        if ((await fetch(`${origin}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (i === 100) throw new Error(`nginx did not answer at ${origin}/healthz:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, stop };
}
