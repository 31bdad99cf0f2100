/** `npm start`: serve the web UI and API on PORT (default 3000). */
import { loadConfig } from './config.ts';
import { isAppError } from './errors.ts';
import { startMentorspor } from './start-mentorspor.ts';

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
