/** `npm start`: serve the web UI and API on PORT (default 3000). */
import type { AddressInfo } from 'node:net';
import { loadConfig } from './config.ts';
import { isAppError } from './errors.ts';
import { startMentorspor } from './start-mentorspor.ts';

// A failing background job must never stop the server (issue 10): jobs record their own failure; anything
// that still escapes is logged by kind only (an error's message or detail may quote personal data).
process.on('unhandledRejection', (reason: unknown) => {
  const kind =
    reason instanceof Error
      ? `${reason.name}${(reason as { code?: unknown }).code ? ` ${String((reason as { code?: unknown }).code)}` : ''}`
      : typeof reason;
  console.error(`unhandled rejection (${kind}); the server keeps running`);
});

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startMentorspor({
    port: config.port,
    host: '0.0.0.0',
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    demo: config.demo,
    adminPassword: config.adminPassword,
    secureCookies: config.secureCookies,
    uploadDir: config.uploadDir,
    allowedOrigins: config.allowedOrigins,
    oidc: config.oidc,
    logger: true,
    log: (line) => console.log(line),
    jobs: config.jobs,
  });
  const { port } = server.app.server.address() as AddressInfo;
  console.log(`Mentorspor is running on http://localhost:${port}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: finishing requests in flight and running jobs (up to ${config.jobs.shutdownSeconds} s), then stopping`);
    // A request or job that ignores the deadline must not keep the process alive: the queue has handed it back.
    setTimeout(
      () => {
        console.error('Stop timed out: exiting');
        process.exit(1);
      },
      (config.jobs.shutdownSeconds + 10) * 1000,
    ).unref();
    server.close().then(
      () => {
        console.log('Stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`Stop failed (${error instanceof Error ? error.name : typeof error})`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (isAppError(error)) console.error(`${error.code}: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
