// `npm start`: builds the PWA, then starts the center server, which serves the app and the
// sync API on one port (embedded SQLite under ./data unless DATABASE_URL is set).
import { spawnSync, spawn } from 'node:child_process';

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn('npx', ['tsx', 'server/src/main.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
const stop = (signal) => child.kill(signal);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
child.on('exit', (code) => process.exit(code ?? 0));
