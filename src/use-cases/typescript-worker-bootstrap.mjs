// Development and tests only (issue 12): a worker thread whose entry is TypeScript starts here, registers
// tsx's loader and imports the entry. Production runs the compiled .js entry directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
