// `npm start`: builds the PWA and serves it on localhost.
import { spawnSync, spawn } from 'node:child_process';

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const port = process.env.PORT ?? '8787';
console.log(`\nKIT bedside: http://127.0.0.1:${port}/\n`);
const child = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort'], {
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 0));
