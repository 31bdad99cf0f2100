/** `npm start`: serve the web UI and API on PORT (default 3000). */
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
  });
  console.log(`Mentorspor is running on http://localhost:${config.port}`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (isAppError(error)) console.error(`${error.code}: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
