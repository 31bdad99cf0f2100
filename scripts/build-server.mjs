// `npm run build:server`: compiles the server, CLI and workers to dist/server (tsconfig.build.json) and
// copies the SQL migrations beside the compiled migration runner. `npm start` runs the result with node.
import { cpSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
rmSync('dist/server', { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
cpSync('src/db/migrations', 'dist/server/db/migrations', { recursive: true });
