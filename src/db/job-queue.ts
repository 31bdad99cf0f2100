/**
 * Background jobs (issue 11): one interface, two runners.
 *
 * - On a PostgreSQL server, a queue that lives in that database (pg-boss 10, the release line that runs
 *   on Node 20): any number of server and worker processes take jobs from it, each job is handed to
 *   exactly one of them (`SKIP LOCKED`), and a job whose process died — `kill -9`, a lost machine — is
 *   expired by the queue's own maintenance and retried elsewhere, then failed into a dead-letter queue
 *   that whichever process sees it records (`onFailed`). No process ever sweeps the others' jobs.
 * - On embedded PGlite (one process by nature), an in-process runner with the same interface.
 */
import PgBoss from 'pg-boss';

/** The data of a job: plain JSON, no personal data (ids and parameters only). */
export type JobData = { [key: string]: unknown };

export type JobRun = {
  /** The queue's id of this job. */
  id: string;
  /** 1 for the first run, 2 when the queue retries it after the first process died, … */
  attempt: number;
  /** Aborted when this process stops before the job ended: the job was handed back; record nothing. */
  signal: AbortSignal;
};

export type JobHandler = (data: JobData, run: JobRun) => Promise<void>;

/** Called once for a job the queue gave up on (its process died too often, or it kept throwing). */
export type FailedJobHandler = (queue: string, data: JobData, reason: FailedJobReason) => Promise<void>;

/** Why the queue gave up: `expired` — no sign of life from its process within the expiry; `error` — the handler threw. */
export type FailedJobReason = 'expired' | 'stopped' | 'error';

export type JobQueue = {
  /** 'pg-boss' shares jobs between processes through the database; 'in-process' runs them here. */
  readonly kind: 'pg-boss' | 'in-process';
  /** Queues a job; the answer is its id. */
  send(queue: string, data: JobData): Promise<string>;
  /** Takes jobs of `queue` in this process (several at a time, `concurrency`). */
  work(queue: string, handler: JobHandler): Promise<void>;
  onFailed(handler: FailedJobHandler): Promise<void>;
  /**
   * Takes no new jobs and waits up to `timeoutMs` for the running ones; a job still running then is
   * handed back (pg-boss: failed into its retry, so another process runs it) and its `signal` aborted.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
};

export type PgBossQueueOptions = {
  connectionString: string;
  /** The queue forgets a job's process after this long without a sign of life (default 120 s). */
  expireInSeconds?: number;
  /** How often one of the processes runs the queue's maintenance (expiry), default 30 s. */
  maintenanceIntervalSeconds?: number;
  /** How often an idle worker looks for jobs another process queued (default 2 s). */
  pollingIntervalSeconds?: number;
  /** Jobs of one queue this process runs at the same time (default 2). */
  concurrency?: number;
  /** Runs after a process died or handed a job back (default 1): then the job is failed. */
  retryLimit?: number;
  /** Errors of the queue itself (a lost connection), reported by kind only. */
  onError?: (kind: string) => void;
};

export const failedJobsQueue = 'mentorspor-failed-jobs';
const schema = 'pgboss';

function kindOf(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return code ? `${error.name} ${String(code)}` : error.name;
}

function reasonOf(output: unknown): FailedJobReason {
  const message = JSON.stringify(output ?? '');
  if (message.includes('failed by timeout')) return 'expired';
  if (message.includes('shut down while active')) return 'stopped';
  return 'error';
}

/**
 * The PostgreSQL queue. pg-boss 10 expires a job a fixed time after it started, so a job that runs
 * longer than the expiry would be taken from a live process; while a handler runs, this process renews
 * its lease (moves `started_on` forward every third of the expiry). Only a dead process stops renewing.
 * Workaround until a pg-boss with its own heartbeat runs on the Node version we deploy (pg-boss ≥ 11
 * needs Node 22).
 */
export async function openPgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const expireInSeconds = options.expireInSeconds ?? 120;
  const concurrency = options.concurrency ?? 2;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const onError = options.onError ?? ((kind: string) => console.error(`job queue: ${kind}`));
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema,
    max: 2 + concurrency,
    application_name: 'mentorspor-jobs',
    supervise: true,
    migrate: true,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  boss.on('error', (error: unknown) => onError(kindOf(error)));
  await boss.start();
  const declared = new Set<string>();
  const declare = async (queue: string) => {
    if (declared.has(queue)) return;
    const settings = {
      name: queue,
      retryLimit: options.retryLimit ?? 1,
      retryDelay: 0,
      expireInSeconds,
      ...(queue === failedJobsQueue ? {} : { deadLetter: failedJobsQueue }),
    };
    if (queue !== failedJobsQueue) await declare(failedJobsQueue);
    // Processes starting together create the same queues at once; PostgreSQL may pick one as a deadlock
    // victim (40P01): try again, the queue then exists.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await boss.createQueue(queue, settings);
        break;
      } catch (error) {
        if ((error as { code?: unknown }).code !== '40P01' || attempt === 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
    // createQueue keeps an existing queue's settings: apply this configuration's expiry and retries.
    await boss.updateQueue(queue, settings);
    declared.add(queue);
  };
  const running = new Map<string, { queue: string; controller: AbortController; done: Promise<void> }>();
  const wakers = new Map<string, Set<() => void>>();
  const loops: Promise<void>[] = [];
  let stopping = false;
  const renewLease = (queue: string, id: string) =>
    setInterval(
      () => {
        void boss
          .getDb()
          .executeSql(`update ${schema}.job set started_on = now() where name = $1 and id = $2 and state = 'active'`, [queue, id])
          .catch((error: unknown) => onError(`lease renewal: ${kindOf(error)}`));
      },
      Math.max(500, (expireInSeconds * 1000) / 3),
    );
  /** Waits the polling interval, or less when this process sends a job to the queue. */
  const idle = (queue: string) =>
    new Promise<void>((resolve) => {
      const set = wakers.get(queue) ?? new Set<() => void>();
      wakers.set(queue, set);
      const wake = () => {
        clearTimeout(timer);
        set.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, pollingIntervalSeconds * 1000);
      set.add(wake);
    });
  const wakeAll = () => {
    for (const set of wakers.values()) for (const wake of [...set]) wake();
  };
  /**
   * One worker: fetch a job (SKIP LOCKED: no other process gets it), run it while renewing its lease,
   * then complete or fail it. pg-boss's own `work()` fails a handler that runs longer than the expiry,
   * while the job keeps running, so its loop is not used.
   */
  const workLoop = async (queue: string, handler: (job: PgBoss.JobWithMetadata<JobData>, run: JobRun) => Promise<void>) => {
    while (!stopping) {
      let job: PgBoss.JobWithMetadata<JobData> | undefined;
      try {
        [job] = await boss.fetch<JobData>(queue, { batchSize: 1, includeMetadata: true });
      } catch (error) {
        onError(`fetch ${queue}: ${kindOf(error)}`);
      }
      if (!job) {
        await idle(queue);
        continue;
      }
      const controller = new AbortController();
      const lease = renewLease(queue, job.id);
      const run = { id: job.id, attempt: job.retryCount + 1, signal: controller.signal };
      const done = handler(job, run).then(
        () => (controller.signal.aborted ? undefined : boss.complete(queue, job.id).then(() => undefined)),
        (error: unknown) =>
          controller.signal.aborted
            ? undefined
            : boss.fail(queue, job.id, { message: `handler failed (${kindOf(error)})` }).then(() => undefined),
      );
      running.set(job.id, { queue, controller, done: done.catch(() => {}) });
      try {
        await done;
      } catch (error) {
        onError(`recording ${queue} job: ${kindOf(error)}`);
      } finally {
        clearInterval(lease);
        running.delete(job.id);
      }
    }
  };

  return {
    kind: 'pg-boss',
    async send(queue, data) {
      await declare(queue);
      // The queue's name travels in the data, so the dead-letter queue knows where a failed job came from.
      const id = await boss.send(queue, { ...data, queue });
      if (!id) throw new Error(`job queue: ${queue} refused the job`);
      // Wake this process's idle workers; other processes find the job at their next poll.
      wakeAll();
      return id;
    },
    async work(queue, handler) {
      await declare(queue);
      for (let i = 0; i < concurrency; i += 1) loops.push(workLoop(queue, (job, run) => handler(job.data, run)));
    },
    async onFailed(handler) {
      await declare(failedJobsQueue);
      loops.push(
        workLoop(failedJobsQueue, async (job) => {
          const queue = typeof job.data.queue === 'string' ? job.data.queue : 'unknown';
          await handler(queue, job.data, reasonOf(job.output));
        }),
      );
    },
    async stop(stopOptions = {}) {
      if (stopping) return;
      stopping = true;
      wakeAll();
      const timeoutMs = stopOptions.timeoutMs ?? 30_000;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([Promise.all([...running.values()].map((r) => r.done)), timeout]);
      clearTimeout(timer);
      // Still running: hand back to the queue (a retry another process takes) and record nothing here.
      for (const [id, { queue, controller }] of running) {
        controller.abort();
        await boss
          .fail(queue, id, { message: 'pg-boss shut down while active' })
          .catch((error: unknown) => onError(`hand back: ${kindOf(error)}`));
      }
      await boss.stop({ graceful: false, wait: true });
      await Promise.race([Promise.all(loops), new Promise((resolve) => setTimeout(resolve, 1000))]);
    },
  };
}

/**
 * The embedded database's runner: jobs run in this process as soon as they are sent. Nothing outlives
 * the process, so a job interrupted by a stop is marked failed at the next start
 * (use-cases/fail-interrupted-*.ts), which is safe because only one process can open a PGlite directory.
 */
export function inProcessJobQueue(options: { onError?: (kind: string) => void } = {}): JobQueue {
  const handlers = new Map<string, JobHandler>();
  let failedHandler: FailedJobHandler | null = null;
  const running = new Map<Promise<void>, AbortController>();
  let stopping = false;
  let nextId = 1;
  const onError = options.onError ?? ((kind: string) => console.error(`background job: ${kind}`));

  return {
    kind: 'in-process',
    async send(queue, data) {
      if (stopping) throw new Error('job queue: stopping');
      const handler = handlers.get(queue);
      if (!handler) throw new Error(`job queue: no handler for ${queue}`);
      const id = String(nextId++);
      const controller = new AbortController();
      const run = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => handler(data, { id, attempt: 1, signal: controller.signal }))
        .catch(async (error: unknown) => {
          if (controller.signal.aborted) return;
          onError(`${queue}: ${kindOf(error)}`);
          await failedHandler?.(queue, data, 'error');
        })
        .catch((error: unknown) => onError(`${queue}: recording the failure: ${kindOf(error)}`))
        .finally(() => running.delete(run));
      running.set(run, controller);
      return id;
    },
    async work(queue, handler) {
      handlers.set(queue, handler);
    },
    async onFailed(handler) {
      failedHandler = handler;
    },
    async stop(stopOptions = {}) {
      stopping = true;
      const timeoutMs = stopOptions.timeoutMs ?? 30_000;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([Promise.all(running.keys()), timeout]);
      clearTimeout(timer);
      for (const controller of running.values()) controller.abort();
    },
  };
}
