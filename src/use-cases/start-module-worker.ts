/**
 * A worker thread running a module of this folder by its base name. From the compiled server
 * (dist/server) the module is plain JavaScript; run from TypeScript (tests, CLI, benchmarks) the worker
 * first registers tsx's loader, which worker threads do not inherit.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startModuleWorker(baseName: string, options: Omit<WorkerOptions, 'eval'>): Worker {
  const compiled = import.meta.url.endsWith('.js');
  const url = new URL(`./${baseName}${compiled ? '.js' : '.ts'}`, import.meta.url).href;
  const bootstrap = compiled
    ? `import(${JSON.stringify(url)});`
    : `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
